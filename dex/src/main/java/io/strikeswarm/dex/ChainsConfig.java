package io.strikeswarm.dex;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.strikeswarm.bots.amm.PoolKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The chains section of the DEX configuration ({@code strikeswarm.dex.chains}, defaults in the {@code chains.conf}
 * resource), read and validated in one go: every problem is reported at once, each with its path
 * ({@code strikeswarm.dex.chains.ethereum.tokens.USDC.address: ... fails its EIP-55 checksum}).
 *
 * <pre>
 * strikeswarm.dex.chains.NAME {
 *   chain-id = 1
 *   rpc-url = "https://..."                # may be empty until the chain is used
 *   native = "ETH"                         # symbol of the native coin
 *   priority-fee = "1 gwei"                # tip per gas on top of the base fee (wei | gwei | ether)
 *   tokens { SYMBOL { address = "0x...", decimals = 18 } }
 *   dexes  { NAME { factory = "0x...", router = "0x...", fee-bps = 30, pairs = ["WETH/USDC"] } }
 * }
 * </pre>
 */
public final class ChainsConfig {

  public static final String PATH = "strikeswarm.dex.chains";
  public static final String RESOURCE = "chains.conf";

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final Map<String, ChainConfig> chains;

  private ChainsConfig(Map<String, ChainConfig> chains) {
    this.chains = Map.copyOf(chains);
  }

  /**
   * The shipped defaults ({@value #RESOURCE}) under the application's configuration (application.conf, system
   * properties), with environment variables resolved ({@code STRIKESWARM_RPC_ETHEREUM}, ...).
   */
  public static Config defaultConfig() {
    return ConfigFactory.defaultOverrides()
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.parseResources(ChainsConfig.class.getClassLoader(), RESOURCE))
        .resolve();
  }

  public static ChainsConfig load() {
    return from(defaultConfig());
  }

  /** Reads {@value #PATH} of {@code root}. */
  public static ChainsConfig from(Config root) {
    if (!root.hasPath(PATH)) throw new DexConfigException(List.of(PATH + " is missing"));
    List<String> problems = new ArrayList<>();
    Map<String, ChainConfig> chains = new LinkedHashMap<>();
    ConfigObject all = root.getObject(PATH);
    for (String name : new TreeSet<>(all.keySet())) {
      String at = PATH + "." + name;
      ConfigValue value = all.get(name);
      if (value.valueType() != ConfigValueType.OBJECT) {
        problems.add(at + ": must be an object");
        continue;
      }
      ChainConfig chain = chain(name, at, ((ConfigObject) value).toConfig(), problems);
      if (chain != null) chains.put(name, chain);
    }
    if (!problems.isEmpty()) throw new DexConfigException(problems);
    return new ChainsConfig(chains);
  }

  public Set<String> names() {
    return new TreeSet<>(chains.keySet());
  }

  public ChainConfig chain(String name) {
    ChainConfig chain = chains.get(name);
    if (chain == null) {
      throw new IllegalArgumentException("no chain '" + name + "' in " + PATH + " (configured: " + names() + ")");
    }
    return chain;
  }

  // ---- one chain ---------------------------------------------------------------------------------------------

  private static ChainConfig chain(String name, String at, Config c, List<String> problems) {
    int before = problems.size();
    if (!NAME.matcher(name).matches()) problems.add(at + ": chain name must be lowercase letters, digits, - or _");
    long chainId = positiveLong(c, "chain-id", at, problems);
    String rpcUrl = string(c, "rpc-url", at, problems, true);
    if (rpcUrl != null && !rpcUrl.isEmpty() && !rpcUrl.startsWith("http://") && !rpcUrl.startsWith("https://")) {
      problems.add(at + ".rpc-url: '" + Rpc.describe(rpcUrl) + "' is not an http(s) URL");
    }
    String nativeSymbol = string(c, "native", at, problems, false);
    BigInteger priorityFee = BigInteger.ZERO;
    String fee = string(c, "priority-fee", at, problems, false);
    if (fee != null) {
      try {
        priorityFee = Wei.parse(fee);
      } catch (IllegalArgumentException e) {
        problems.add(at + ".priority-fee: " + e.getMessage());
      }
    }
    Map<String, TokenSpec> tokens = tokens(c, at, problems);
    Map<String, DexSpec> dexes = dexes(c, at, tokens, problems);
    if (problems.size() > before) return null;
    return new ChainConfig(name, chainId, rpcUrl, nativeSymbol, priorityFee, tokens, dexes);
  }

  private static Map<String, TokenSpec> tokens(Config c, String at, List<String> problems) {
    Map<String, TokenSpec> tokens = new LinkedHashMap<>();
    Map<String, String> byAddress = new HashMap<>();
    for (Map.Entry<String, Config> e : objects(c, "tokens", at, problems).entrySet()) {
      String symbol = e.getKey();
      String tat = at + ".tokens." + symbol;
      if (!SYMBOL.matcher(symbol).matches()) {
        problems.add(tat + ": a token symbol is 1-20 letters, digits, '.', '-' or '_'");
        continue;
      }
      String address = address(e.getValue(), "address", tat, problems);
      int decimals = 0;
      try {
        decimals = e.getValue().getInt("decimals");
        if (decimals < 0 || decimals > 36) problems.add(tat + ".decimals: " + decimals + " is not in 0..36");
      } catch (ConfigException ex) {
        problems.add(tat + ".decimals: " + reason(ex));
      }
      if (address == null) continue;
      String other = byAddress.putIfAbsent(address.toLowerCase(), symbol);
      if (other != null) problems.add(tat + ".address: same contract as token " + other);
      tokens.put(symbol, new TokenSpec(symbol, address, decimals));
    }
    return tokens;
  }

  private static Map<String, DexSpec> dexes(Config c, String at, Map<String, TokenSpec> tokens, List<String> problems) {
    Map<String, DexSpec> dexes = new LinkedHashMap<>();
    for (Map.Entry<String, Config> e : objects(c, "dexes", at, problems).entrySet()) {
      String name = e.getKey();
      String dat = at + ".dexes." + name;
      Config d = e.getValue();
      if (!NAME.matcher(name).matches()) problems.add(dat + ": DEX name must be lowercase letters, digits, - or _");
      String factory = address(d, "factory", dat, problems);
      String router = address(d, "router", dat, problems);
      int feeBps = 30;
      if (d.hasPath("fee-bps")) {
        try {
          feeBps = d.getInt("fee-bps");
          if (feeBps <= 0 || feeBps >= 10_000) problems.add(dat + ".fee-bps: " + feeBps + " is not in 1..9999");
        } catch (ConfigException ex) {
          problems.add(dat + ".fee-bps: " + reason(ex));
        }
      }
      List<PoolKey> pools = new ArrayList<>();
      if (d.hasPath("pairs")) {
        List<String> pairs;
        try {
          pairs = d.getStringList("pairs");
        } catch (ConfigException ex) {
          problems.add(dat + ".pairs: " + reason(ex));
          pairs = List.of();
        }
        for (String pair : pairs) {
          String[] t = pair.split("/");
          if (t.length != 2 || t[0].isBlank() || t[1].isBlank()) {
            problems.add(dat + ".pairs: '" + pair + "' is not 'TOKEN/TOKEN'");
          } else if (t[0].trim().equals(t[1].trim())) {
            problems.add(dat + ".pairs: '" + pair + "' pairs a token with itself");
          } else {
            boolean known = true;
            for (String s : t) {
              if (!tokens.containsKey(s.trim())) {
                problems.add(dat + ".pairs: '" + pair + "' names token " + s.trim() + ", which is not in " + at
                    + ".tokens");
                known = false;
              }
            }
            if (known) pools.add(new PoolKey(name, t[0].trim(), t[1].trim()));
          }
        }
      }
      if (factory != null && router != null) dexes.put(name, new DexSpec(name, factory, router, feeBps, pools));
    }
    return dexes;
  }

  // ---- field readers ------------------------------------------------------------------------------------------

  private static Map<String, Config> objects(Config c, String key, String at, List<String> problems) {
    Map<String, Config> out = new LinkedHashMap<>();
    if (!c.hasPath(key)) return out;
    ConfigObject obj;
    try {
      obj = c.getObject(key);
    } catch (ConfigException e) {
      problems.add(at + "." + key + ": " + reason(e));
      return out;
    }
    for (String k : new TreeSet<>(obj.keySet())) {
      ConfigValue v = obj.get(k);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(at + "." + key + "." + k + ": must be an object");
      } else {
        out.put(k, ((ConfigObject) v).toConfig());
      }
    }
    return out;
  }

  private static String address(Config c, String key, String at, List<String> problems) {
    String value = string(c, key, at, problems, false);
    if (value == null) return null;
    String problem = Addresses.problem(value);
    if (problem != null) {
      problems.add(at + "." + key + ": " + problem);
      return null;
    }
    return Addresses.checksummed(value);
  }

  private static String string(Config c, String key, String at, List<String> problems, boolean emptyOk) {
    try {
      String s = c.getString(key).trim();
      if (s.isEmpty() && !emptyOk) {
        problems.add(at + "." + key + ": is empty");
        return null;
      }
      return s;
    } catch (ConfigException e) {
      problems.add(at + "." + key + ": " + reason(e));
      return null;
    }
  }

  private static long positiveLong(Config c, String key, String at, List<String> problems) {
    try {
      long v = c.getLong(key);
      if (v <= 0) problems.add(at + "." + key + ": must be positive, got " + v);
      return v;
    } catch (ConfigException e) {
      problems.add(at + "." + key + ": " + reason(e));
      return 0;
    }
  }

  private static String reason(ConfigException e) {
    if (e instanceof ConfigException.Missing) return "is missing";
    String m = e.getMessage();
    if (e.origin() != null && m.startsWith(e.origin().description() + ": ")) {
      return m.substring(e.origin().description().length() + 2);
    }
    return m;
  }
}
