package io.strikeswarm.dex;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The wallets a chain may sign with, by address. Loaded from {@code strikeswarm.dex.wallets}: one entry per account,
 * either an encrypted JSON keystore ({@code keystore = "/path"} with {@code password-env = "VAR"} or
 * {@code password-file = "/path"}) or an environment variable holding a hex private key
 * ({@code private-key-env = "VAR"}).
 * No secret is ever part of the configuration itself, a log line, a {@code toString} or an exception message.
 */
public final class Wallets {

  public static final String PATH = "strikeswarm.dex.wallets";

  private final Map<String, Wallet> byAddress;
  private final Map<String, String> names;

  private Wallets(Map<String, Wallet> byAddress, Map<String, String> names) {
    this.byAddress = Map.copyOf(byAddress);
    this.names = Map.copyOf(names);
  }

  public static Wallets of(Collection<Wallet> wallets) {
    Map<String, Wallet> byAddress = new LinkedHashMap<>();
    for (Wallet w : wallets) byAddress.put(key(w.address()), w);
    return new Wallets(byAddress, Map.of());
  }

  public static Wallets of(Wallet... wallets) {
    return of(List.of(wallets));
  }

  public static Wallets none() {
    return of(List.of());
  }

  /** Reads {@value #PATH} of {@code root} (absent: no wallets) with the process environment. */
  public static Wallets load(Config root) {
    return load(root, System::getenv);
  }

  /** Reads {@value #PATH}, looking environment variables up with {@code env}. */
  public static Wallets load(Config root, Function<String, String> env) {
    Map<String, Wallet> byAddress = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    if (!root.hasPath(PATH)) return new Wallets(byAddress, names);
    List<String> problems = new ArrayList<>();
    ConfigObject all = root.getObject(PATH);
    for (String name : new TreeSet<>(all.keySet())) {
      String at = PATH + "." + name;
      ConfigValue v = all.get(name);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(at + ": must be an object");
        continue;
      }
      try {
        Wallet w = wallet(at, ((ConfigObject) v).toConfig(), env);
        String previous = names.put(key(w.address()), name);
        if (previous != null) problems.add(at + ": same account " + w.address() + " as " + PATH + "." + previous);
        byAddress.put(key(w.address()), w);
      } catch (IllegalArgumentException e) {
        problems.add(at + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) throw new DexConfigException(problems);
    return new Wallets(byAddress, names);
  }

  private static Wallet wallet(String at, Config c, Function<String, String> env) {
    boolean keystore = c.hasPath("keystore");
    boolean keyEnv = c.hasPath("private-key-env");
    if (keystore == keyEnv) {
      throw new IllegalArgumentException("needs exactly one of keystore (with password-env or password-file) or"
          + " private-key-env");
    }
    if (keyEnv) {
      String var = c.getString("private-key-env");
      String value = env.apply(var);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("environment variable " + var + " is not set");
      }
      return Wallet.fromPrivateKey(value, "environment variable " + var);
    }
    Path file = Path.of(c.getString("keystore"));
    String password;
    if (c.hasPath("password-env") == c.hasPath("password-file")) {
      throw new IllegalArgumentException("a keystore needs exactly one of password-env or password-file");
    } else if (c.hasPath("password-env")) {
      String var = c.getString("password-env");
      password = env.apply(var);
      if (password == null) throw new IllegalArgumentException("environment variable " + var + " is not set");
    } else {
      Path pw = Path.of(c.getString("password-file"));
      try {
        password = stripLineEnd(Files.readString(pw, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("password file " + pw + " is not readable");
      }
    }
    return Wallet.fromKeystore(file, password);
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
    return s.substring(0, end);
  }

  private static String key(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  public Optional<Wallet> find(String address) {
    return Optional.ofNullable(address == null ? null : byAddress.get(key(address)));
  }

  /** The configured name of the account ({@code bot-1}), if it was loaded from configuration. */
  public Optional<String> name(String address) {
    return Optional.ofNullable(names.get(key(address)));
  }

  public List<String> addresses() {
    return byAddress.values().stream().map(Wallet::address).toList();
  }

  public Wallets with(Collection<Wallet> more) {
    Map<String, Wallet> all = new LinkedHashMap<>(byAddress);
    for (Wallet w : more) all.put(key(w.address()), w);
    return new Wallets(all, names);
  }

  @Override
  public String toString() {
    return "Wallets" + addresses();
  }
}
