package io.strikeswarm.http.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How signed JWTs are checked: HS256 under {@code secret}, and when configured the {@code iss} and {@code aud} they
 * must carry. {@code clockSkew} is how far the issuer's clock may be from ours when {@code exp} and {@code nbf} are
 * compared.
 */
public record JwtSettings(Secret secret, Optional<String> issuer, Optional<String> audience, Duration clockSkew) {
  /** HS256's key size: RFC 7518 §3.2 requires a key at least as long as the hash output. */
  public static final int MIN_SECRET_BYTES = 32;
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  /** Beyond this the skew stops being an allowance for drift and starts being a longer token lifetime. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  static final String SECRET_RULE = "must be at least " + MIN_SECRET_BYTES + " bytes (256 bits) for HS256";
  static final String SKEW_RULE = "must be between 0s and " + MAX_CLOCK_SKEW.toMinutes() + "m";

  public JwtSettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (secret.length() < MIN_SECRET_BYTES) throw new IllegalArgumentException(SECRET_RULE);
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(SKEW_RULE);
    }
  }

  /** HS256 under {@code secret}, no issuer or audience check, the default clock skew. */
  public static JwtSettings of(Secret secret) {
    return new JwtSettings(secret, Optional.empty(), Optional.empty(), DEFAULT_CLOCK_SKEW);
  }
}
