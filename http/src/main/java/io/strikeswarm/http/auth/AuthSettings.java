package io.strikeswarm.http.auth;

import com.typesafe.config.Config;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the API and how often, read from the {@code swarm.http.auth} block:
 *
 * <pre>
 * auth {
 *   tokens = [ { name = "ops-alice", role = operator, hash = "sha256:..." } ]   # optional, default none
 *   jwt {                                     # optional: without it, JWTs are refused
 *     secret = ${?SWARM_JWT_SECRET}           # the HS256 key, at least 32 bytes (UTF-8) ...
 *     secret-file = "/run/secrets/jwt"        # ... or read from a file, trimmed; exactly one of the two
 *     issuer = "strikeswarm"                  # optional: required iss
 *     audience = "swarm-api"                  # optional: required in aud
 *     clock-skew = 30s                        # optional, default 30s, at most 5m
 *   }
 *   rate-limit { per-second = 50, burst = 100 }   # optional, these are the defaults
 * }
 * </pre>
 *
 * <p>Unknown keys are refused rather than ignored: a misspelt {@code isuer} would otherwise silently switch a check
 * off. With no tokens and no jwt block the API is <b>locked</b> ({@link #locked()}): every request is answered
 * {@link AuthResult.Missing} or {@link AuthResult.Rejected}. That is allowed, so that a fresh install is closed by
 * default rather than failing to start.
 *
 * <p>{@link #toString()} shows no secret and no hash.
 */
public record AuthSettings(List<ConfiguredToken> tokens, Optional<JwtSettings> jwt, RateLimit rateLimit) {
  /** Where the runtime keeps this block; error messages name settings under it. */
  public static final String DEFAULT_PATH = "swarm.http.auth";

  public AuthSettings {
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Set<String> names = new HashSet<>();
    for (ConfiguredToken token : tokens) {
      if (!names.add(token.name())) throw new IllegalArgumentException("duplicate token name " + token.name());
    }
  }

  /**
   * The settings in {@code authConfig}, the (resolved) contents of {@code swarm.http.auth}.
   *
   * @throws AuthConfigError naming the first setting that cannot be used
   */
  public static AuthSettings from(Config authConfig) {
    return from(authConfig, DEFAULT_PATH);
  }

  /** As {@link #from(Config)}, for a block that lives at {@code path}: error messages name settings under it. */
  public static AuthSettings from(Config authConfig, String path) {
    return new AuthConfigReader(path).read(authConfig);
  }

  /** No credential of any kind can succeed: every request will be refused. */
  public boolean locked() {
    return tokens.isEmpty() && jwt.isEmpty();
  }
}
