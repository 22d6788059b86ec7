package io.strikeswarm.http.auth;

import java.security.MessageDigest;
import java.util.Objects;

/** Key material that must never reach a log: its {@link #toString()} is redacted and its bytes are only copied out. */
public final class Secret {
  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Secret of(byte[] bytes) {
    return new Secret(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /** A copy of the key material. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && MessageDigest.isEqual(bytes, that.bytes);
  }

  /** Deliberately weak: a hash derived from the key's content would be a little oracle about it. */
  @Override
  public int hashCode() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "Secret[<redacted>]";
  }
}
