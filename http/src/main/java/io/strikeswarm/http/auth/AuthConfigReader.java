package io.strikeswarm.http.auth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@link AuthSettings} out of a config block, turning every problem into an {@link AuthConfigError} with the
 * full path of the setting. Messages are built here from fixed phrases, never from Typesafe Config's or the file
 * system's own messages, some of which quote the value they could not use; only values that are not secret (a role,
 * a token name, a file name) are ever echoed.
 */
final class AuthConfigReader {
  private static final Set<String> AUTH_KEYS = Set.of("tokens", "jwt", "rate-limit");
  private static final Set<String> TOKEN_KEYS = Set.of("name", "role", "hash");
  private static final Set<String> JWT_KEYS = Set.of("secret", "secret-file", "issuer", "audience", "clock-skew");
  private static final Set<String> RATE_LIMIT_KEYS = Set.of("per-second", "burst");

  private final String root;

  AuthConfigReader(String root) {
    this.root = root;
  }

  AuthSettings read(Config auth) {
    try {
      onlyKeys(auth, AUTH_KEYS, root);
      List<ConfiguredToken> tokens = tokens(auth);
      Optional<JwtSettings> jwt = auth.hasPath("jwt")
          ? Optional.of(jwt(block(auth, "jwt", root), root + ".jwt"))
          : Optional.empty();
      RateLimit rateLimit = auth.hasPath("rate-limit")
          ? rateLimit(block(auth, "rate-limit", root), root + ".rate-limit")
          : RateLimit.DEFAULT;
      return new AuthSettings(tokens, jwt, rateLimit);
    } catch (ConfigException.NotResolved e) {
      throw new AuthConfigError(root, "has unresolved substitutions (the config must be resolved first)");
    }
  }

  private List<ConfiguredToken> tokens(Config auth) {
    if (!auth.hasPath("tokens")) return List.of();
    String at = root + ".tokens";
    ConfigValue value = auth.getValue("tokens");
    if (value.valueType() != ConfigValueType.LIST) throw new AuthConfigError(at, "must be a list of token entries");
    List<ConfiguredToken> tokens = new ArrayList<>();
    Map<String, Integer> indexByName = new HashMap<>();
    List<? extends ConfigValue> entries = auth.getList("tokens");
    for (int i = 0; i < entries.size(); i++) {
      String entryAt = at + "[" + i + "]";
      if (!(entries.get(i) instanceof ConfigObject object)) {
        throw new AuthConfigError(entryAt, "must be an object { name = ..., role = ..., hash = ... }");
      }
      ConfiguredToken token = token(object.toConfig(), entryAt);
      Integer earlier = indexByName.putIfAbsent(token.name(), i);
      if (earlier != null) {
        throw new AuthConfigError(entryAt + ".name",
            "duplicate token name " + Quoted.shortly(token.name()) + ", already used by tokens[" + earlier + "]");
      }
      for (int j = 0; j < tokens.size(); j++) {
        if (tokens.get(j).hash().equals(token.hash())) {
          throw new AuthConfigError(entryAt + ".hash", "same hash as tokens[" + j + "]: one token, two names");
        }
      }
      tokens.add(token);
    }
    return tokens;
  }

  private static ConfiguredToken token(Config entry, String at) {
    onlyKeys(entry, TOKEN_KEYS, at);
    String name = requiredString(entry, "name", at);
    if (!ConfiguredToken.isValidName(name)) {
      throw new AuthConfigError(at + ".name", ConfiguredToken.NAME_RULE + ", got " + Quoted.shortly(name));
    }
    Role role = parsed(requiredString(entry, "role", at), Role::parse, at + ".role");
    TokenHash hash = parsed(requiredString(entry, "hash", at), TokenHash::parse, at + ".hash");
    return new ConfiguredToken(name, role, hash);
  }

  private static JwtSettings jwt(Config jwt, String at) {
    onlyKeys(jwt, JWT_KEYS, at);
    Secret secret = secret(jwt, at);
    Optional<String> issuer = optionalNonBlank(jwt, "issuer", at);
    Optional<String> audience = optionalNonBlank(jwt, "audience", at);
    Duration skew = jwt.hasPath("clock-skew") ? duration(jwt, "clock-skew", at) : JwtSettings.DEFAULT_CLOCK_SKEW;
    if (skew.isNegative() || skew.compareTo(JwtSettings.MAX_CLOCK_SKEW) > 0) {
      throw new AuthConfigError(at + ".clock-skew", JwtSettings.SKEW_RULE);
    }
    return new JwtSettings(secret, issuer, audience, skew);
  }

  private static Secret secret(Config jwt, String at) {
    boolean inline = jwt.hasPath("secret");
    boolean file = jwt.hasPath("secret-file");
    if (inline && file) throw new AuthConfigError(at, "set secret or secret-file, not both");
    if (!inline && !file) {
      throw new AuthConfigError(at + ".secret",
          "missing: set secret (e.g. secret = ${?SWARM_JWT_SECRET}) or secret-file, or remove the jwt block");
    }
    String secretAt = at + (inline ? ".secret" : ".secret-file");
    byte[] bytes = inline
        ? string(jwt, "secret", secretAt).getBytes(StandardCharsets.UTF_8)
        : readSecretFile(string(jwt, "secret-file", secretAt), secretAt);
    if (bytes.length < JwtSettings.MIN_SECRET_BYTES) throw new AuthConfigError(secretAt, JwtSettings.SECRET_RULE);
    return Secret.of(bytes);
  }

  /** The file's text, trimmed: files written by hand or by {@code echo} end in a newline that is not key material. */
  private static byte[] readSecretFile(String file, String at) {
    String cannot = "cannot read " + Quoted.shortly(file);
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AuthConfigError(at, cannot + ": no such file");
    } catch (CharacterCodingException e) {
      throw new AuthConfigError(at, cannot + ": not UTF-8 text");
    } catch (IOException | InvalidPathException | SecurityException e) {
      throw new AuthConfigError(at, cannot + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static RateLimit rateLimit(Config limit, String at) {
    onlyKeys(limit, RATE_LIMIT_KEYS, at);
    double perSecond = RateLimit.DEFAULT.perSecond();
    if (limit.hasPath("per-second")) {
      perSecond = number(limit, "per-second", at + ".per-second", RateLimit.PER_SECOND_RULE);
      if (!(perSecond >= RateLimit.MIN_PER_SECOND && perSecond <= RateLimit.MAX_PER_SECOND)) {
        throw new AuthConfigError(at + ".per-second", RateLimit.PER_SECOND_RULE);
      }
    }
    int burst = RateLimit.DEFAULT.burst();
    if (limit.hasPath("burst")) {
      double raw = number(limit, "burst", at + ".burst", RateLimit.BURST_RULE);
      if (raw != Math.rint(raw) || raw < 1 || raw > RateLimit.MAX_BURST) {
        throw new AuthConfigError(at + ".burst", RateLimit.BURST_RULE);
      }
      burst = (int) raw;
    }
    return new RateLimit(perSecond, burst);
  }

  // ---- small typed readers: each refuses in its own words, naming the path ------------------------------------

  private static void onlyKeys(Config block, Set<String> known, String at) {
    for (String key : block.root().keySet()) {
      if (!known.contains(key)) {
        throw new AuthConfigError(at + "." + key, "unknown setting; known here: " + String.join(", ",
            new TreeSet<>(known)));
      }
    }
  }

  private static Config block(Config parent, String key, String parentAt) {
    if (parent.getValue(key).valueType() != ConfigValueType.OBJECT) {
      throw new AuthConfigError(parentAt + "." + key, "must be a block { ... }");
    }
    return parent.getConfig(key);
  }

  private static String requiredString(Config block, String key, String at) {
    if (!block.hasPath(key)) throw new AuthConfigError(at + "." + key, "missing");
    return string(block, key, at + "." + key);
  }

  private static String string(Config block, String key, String at) {
    try {
      return block.getString(key);
    } catch (ConfigException.WrongType e) {
      throw new AuthConfigError(at, "must be a string");
    }
  }

  private static Optional<String> optionalNonBlank(Config block, String key, String at) {
    if (!block.hasPath(key)) return Optional.empty();
    String value = string(block, key, at + "." + key);
    if (value.isBlank()) {
      throw new AuthConfigError(at + "." + key, "must not be blank (leave it out to skip the check)");
    }
    return Optional.of(value);
  }

  private static Duration duration(Config block, String key, String at) {
    try {
      return block.getDuration(key);
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw new AuthConfigError(at + "." + key, "must be a duration such as 30s");
    }
  }

  private static double number(Config block, String key, String at, String rule) {
    try {
      return block.getDouble(key);
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw new AuthConfigError(at, rule);
    }
  }

  /** Runs a domain parser whose {@link IllegalArgumentException} says what is wrong, and attaches the path. */
  private static <T> T parsed(String text, Function<String, T> parser, String at) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new AuthConfigError(at, e.getMessage());
    }
  }
}
