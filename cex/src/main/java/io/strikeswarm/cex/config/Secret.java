package io.strikeswarm.cex.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A credential that must never reach a log, a reply, an event or a heap dump read by a person: its
 * {@link #toString()} and its JSON form are redacted, it has no getter a serializer would find, and only the code
 * that signs requests calls {@link #revealForSigning()}.
 */
public final class Secret {
  public static final String REDACTED = "<redacted>";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** @throws IllegalArgumentException if the value is null or blank (the message never contains the value) */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("a secret must not be empty");
    return new Secret(value.strip());
  }

  /** The clear value, for the XChange specification that signs requests. Nothing else should call this. */
  public String revealForSigning() {
    return value;
  }

  /**
   * A short, stable, one-way tag of the value (first 12 hex digits of its SHA-256): enough to tell two API keys
   * apart in logs and to key the shared rate limiter, useless to an attacker.
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return REDACTED;
  }
}
