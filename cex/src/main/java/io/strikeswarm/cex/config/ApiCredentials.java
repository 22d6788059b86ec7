package io.strikeswarm.cex.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The keys of one venue account. Every part is a {@link Secret}, so the record's generated {@code toString} is
 * redacted too.
 */
public record ApiCredentials(Secret apiKey, Secret secret, Optional<Secret> passphrase) {
  public ApiCredentials {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(passphrase, "passphrase");
  }

  /** Identifies the account (not the person) for the shared rate limiter and for logs. */
  public String fingerprint() {
    return apiKey.fingerprint();
  }
}
