package io.strikeswarm.cex.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import io.strikeswarm.cex.ids.ClientIdScheme;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CEX settings of one account, read from {@code swarm.cex} over the defaults in {@code cex.conf}. Loading checks
 * everything that can be checked without the network and stops at the first problem with one message that names
 * the setting. Paper mode never resolves keys; live mode needs them.
 */
public record CexSettings(String account, TradingMode mode, ExchangeProfile exchange, boolean sandbox,
    Optional<ApiCredentials> credentials, CallSettings calls, RetryPolicy retry, ReconcileSettings reconcile) {

  public static final String ROOT = "swarm.cex";
  public static final String DEFAULTS_RESOURCE = "cex.conf";

  /** Reads {@code swarm.cex} of {@code config} (over {@code cex.conf}), keys from {@code env} or the secrets file. */
  public static CexSettings load(Config config, Map<String, String> env) {
    Config c = config.withFallback(ConfigFactory.parseResources(DEFAULTS_RESOURCE)).resolve().getConfig(ROOT);
    String account = read("account", () -> c.getString("account").trim());
    if (!account.matches("[A-Za-z0-9_.-]{1,40}")) {
      throw new CexConfigException(ROOT + ".account", "'" + account + "' must be 1-40 of A-Z a-z 0-9 _ . -");
    }
    TradingMode mode = read("mode", () -> parseMode(c.getString("mode")));
    ExchangeProfile exchange = profile(c, read("exchange", () -> c.getString("exchange").trim()));
    boolean sandbox = sandbox(c, exchange);
    CallSettings calls = read("calls", () -> new CallSettings(c.getInt("calls.threads"), c.getInt("calls.queue"),
        c.getDuration("calls.timeout"), c.getDuration("calls.http-connect-timeout"),
        c.getDuration("calls.http-read-timeout")));
    RetryPolicy retry = read("retry", () -> new RetryPolicy(c.getInt("retry.attempts"),
        c.getDuration("retry.initial-backoff"), c.getDuration("retry.max-backoff")));
    ReconcileSettings reconcile = read("reconcile", () -> new ReconcileSettings(
        c.getDuration("reconcile.unseen-grace"), c.getDuration("reconcile.clock-skew"),
        c.getDuration("reconcile.poll-interval")));
    Optional<ApiCredentials> credentials = Optional.empty();
    if (mode == TradingMode.LIVE) {
      if (exchange.isSimulated()) {
        throw new CexConfigException(ROOT + ".mode", "live needs a real exchange; '" + exchange.name()
            + "' is XChange's in-memory engine (use mode = paper)");
      }
      credentials = credentialSource(c, account).resolve(env);
      if (credentials.isEmpty()) {
        throw new CexConfigException(ROOT + ".credentials", "mode = live on " + exchange.name()
            + " needs API keys: set " + describe(credentialSource(c, account)));
      }
      if (exchange.needsPassphrase() && credentials.get().passphrase().isEmpty()) {
        throw new CexConfigException(ROOT + ".credentials", exchange.name() + " needs an API passphrase too: set "
            + describe(credentialSource(c, account)));
      }
    }
    return new CexSettings(account, mode, exchange, sandbox, credentials, calls, retry, reconcile);
  }

  /** Whether orders may reach a real exchange: only live mode with keys does. */
  public boolean reachesRealExchange() {
    return mode == TradingMode.LIVE && credentials.isPresent();
  }

  /** The name under which this account's calls share one rate limiter. */
  public String limiterKey() {
    return exchange.name() + "/" + credentials.map(ApiCredentials::fingerprint).orElse("paper-" + account);
  }

  private static TradingMode parseMode(String raw) {
    return Arrays.stream(TradingMode.values()).filter(m -> m.name().equalsIgnoreCase(raw.trim())).findFirst()
        .orElseThrow(() -> new CexConfigException(ROOT + ".mode", "'" + raw + "' is not paper or live"));
  }

  private static boolean sandbox(Config c, ExchangeProfile exchange) {
    if (!c.hasPath("sandbox")) {
      if (exchange.isSimulated()) return true;
      throw new CexConfigException(ROOT + ".sandbox", "required for exchange " + exchange.name()
          + " and deliberately without a default: true = its testnet/demo, false = production (real money)");
    }
    boolean sandbox = read("sandbox", () -> c.getBoolean("sandbox"));
    if (sandbox && !exchange.hasSandbox()) {
      throw new CexConfigException(ROOT + ".sandbox", "exchange " + exchange.name()
          + " has no sandbox known to XChange; use sandbox = false with mode = paper for a dry run");
    }
    return sandbox;
  }

  private static ExchangeProfile profile(Config c, String nameOrClass) {
    String key = nameOrClass.toLowerCase(Locale.ROOT);
    if (c.hasPath("exchanges") && c.getConfig("exchanges").root().containsKey(key)) {
      Config e = c.getConfig("exchanges").getConfig(key);
      return profile(ROOT + ".exchanges." + key, key, read("exchanges." + key + ".class",
          () -> e.getString("class")), e);
    }
    if (!nameOrClass.contains(".")) {
      throw new CexConfigException(ROOT + ".exchange", "unknown exchange '" + nameOrClass + "' (known: "
          + String.join(", ", c.getConfig("exchanges").root().keySet().stream().sorted().toList())
          + ", or a fully-qualified XChange Exchange class name)");
    }
    return profile(ROOT + ".unlisted-exchange-defaults", nameOrClass, nameOrClass,
        c.getConfig("unlisted-exchange-defaults"));
  }

  private static ExchangeProfile profile(String path, String name, String exchangeClass, Config e) {
    try {
      ClientIdScheme ids;
      try {
        ids = ClientIdScheme.parse(e.getString("client-ids"));
      } catch (IllegalArgumentException bad) {
        throw new CexConfigException(path + ".client-ids", "'" + e.getString("client-ids") + "' is not one of "
            + Arrays.toString(ClientIdScheme.values()).toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      Optional<Map<String, Object>> sandboxParams = e.hasPath("sandbox-parameters")
          ? Optional.of(parameters(e.getConfig("sandbox-parameters"))) : Optional.empty();
      RateLimit limit;
      try {
        limit = new RateLimit(e.getDouble("rate-limit.permits-per-second"), e.getInt("rate-limit.burst"),
            e.getDuration("rate-limit.max-wait"));
      } catch (IllegalArgumentException bad) {
        throw new CexConfigException(path + ".rate-limit", bad.getMessage());
      }
      return new ExchangeProfile(name, exchangeClass, e.hasPath("maven") ? e.getString("maven") : "",
          ids, e.getBoolean("echoes-client-ids"), e.getBoolean("needs-passphrase"), sandboxParams,
          parameters(e.getConfig("production-parameters")), limit);
    } catch (ConfigException bad) {
      throw new CexConfigException(path, bad.getMessage());
    }
  }

  /** Exchange-specific parameters keep their HOCON type: XChange compares {@code Use_Sandbox} with {@code true}. */
  private static Map<String, Object> parameters(Config p) {
    java.util.Map<String, Object> out = new java.util.TreeMap<>();
    p.root().forEach((k, v) -> out.put(k, v.valueType() == ConfigValueType.BOOLEAN ? v.unwrapped()
        : String.valueOf(v.unwrapped())));
    return out;
  }

  private static CredentialSource credentialSource(Config c, String account) {
    String source = read("credentials.source", () -> c.getString("credentials.source").trim().toLowerCase(Locale.ROOT));
    String prefix = "SWARM_CEX_" + account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_";
    return switch (source) {
      case "env" -> new CredentialSource.Environment(
          envName(c, "api-key-env", prefix + "KEY"), envName(c, "secret-env", prefix + "SECRET"),
          envName(c, "passphrase-env", prefix + "PASSPHRASE"));
      case "file" -> {
        if (!c.hasPath("credentials.file") || c.getString("credentials.file").isBlank()) {
          throw new CexConfigException(ROOT + ".credentials.file", "required when credentials.source = file");
        }
        yield new CredentialSource.SecretsFile(Path.of(c.getString("credentials.file")));
      }
      case "none" -> new CredentialSource.None();
      default -> throw new CexConfigException(ROOT + ".credentials.source", "'" + source
          + "' is not env, file or none");
    };
  }

  private static String envName(Config c, String key, String fallback) {
    return c.hasPath("credentials." + key) ? c.getString("credentials." + key) : fallback;
  }

  private static String describe(CredentialSource source) {
    if (source instanceof CredentialSource.Environment env) {
      return "environment variables " + env.apiKeyVariable() + ", " + env.secretVariable()
          + " (and " + env.passphraseVariable() + " where the exchange wants one)";
    }
    if (source instanceof CredentialSource.SecretsFile f) return "api-key, secret, passphrase in " + f.file();
    return ROOT + ".credentials.source = env or file";
  }

  private static <T> T read(String key, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (CexConfigException e) {
      throw e;
    } catch (ConfigException.Missing e) {
      throw new CexConfigException(ROOT + "." + key, "missing");
    } catch (ConfigException e) {
      throw new CexConfigException(ROOT + "." + key, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CexConfigException(ROOT + "." + key, e.getMessage());
    }
  }

  /** The whole settings minus secrets, for a start-up log line. */
  public String describe() {
    return "cex account " + account + ": " + mode.name().toLowerCase(Locale.ROOT) + " on " + exchange.name()
        + (exchange.isSimulated() ? "" : sandbox ? " (sandbox)" : " (PRODUCTION)")
        + credentials.map(k -> ", key " + k.fingerprint()).orElse(", no keys");
  }

}
