package io.strikeswarm.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the configuration keeps of an opaque bearer token: a random salt and SHA-256(salt || token), written
 * {@code sha256:<salt base64>:<digest base64>}. The token itself is shown once when it is made and stored nowhere.
 *
 * <p>Why one salted SHA-256 and not bcrypt, scrypt or Argon2: those slow hashes exist to protect guessable
 * passwords. Our tokens are 256 random bits from {@link TokenGenerator}, so even a leaked hash cannot be brute-forced
 * at any cost per guess; a slow KDF would add no security, and at tens of milliseconds per check it would cap the API
 * far below its goal of 10k requests a second on two cores. The salt keeps equal tokens from having equal hash lines
 * and defeats precomputed tables should anyone ever configure a weak hand-made token.
 */
public final class TokenHash {
  static final String SCHEME = "sha256";
  /** 128 bits: enough that two hash lines never share a salt by chance. */
  static final int SALT_BYTES = 16;

  private static final String SHAPE = "must look like sha256:<salt base64>:<digest base64>";

  private final byte[] salt;
  private final byte[] digest;

  private TokenHash(byte[] salt, byte[] digest) {
    this.salt = salt;
    this.digest = digest;
  }

  /**
   * The hash written in {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong with the shape; the message never repeats the text
   */
  public static TokenHash parse(String text) {
    if (text == null) throw new IllegalArgumentException(SHAPE);
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 3 || !parts[0].equals(SCHEME)) throw new IllegalArgumentException(SHAPE);
    byte[] salt = base64(parts[1], "salt");
    byte[] digest = base64(parts[2], "digest");
    if (salt.length < SALT_BYTES) {
      throw new IllegalArgumentException("salt must be at least " + SALT_BYTES + " bytes");
    }
    if (digest.length != Sha256.BYTES) {
      throw new IllegalArgumentException("digest must be " + Sha256.BYTES + " bytes (SHA-256)");
    }
    return new TokenHash(salt, digest);
  }

  /** A fresh hash of {@code token} under a new random salt. */
  public static TokenHash of(String token, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new TokenHash(salt, Sha256.digest(salt, utf8(token)));
  }

  /**
   * Whether {@code token} is the token this hash was made from. The comparison takes the same time wherever the
   * digests first differ, so response times reveal nothing about how close a guess came.
   */
  public boolean matches(String token) {
    return token != null && MessageDigest.isEqual(digest, Sha256.digest(salt, utf8(token)));
  }

  /** The configuration form, {@code sha256:<salt base64>:<digest base64>}. */
  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(digest);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenHash that
        && MessageDigest.isEqual(salt, that.salt) && MessageDigest.isEqual(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(digest);
  }

  /** Redacted: a hash line is not the token, but it has no business in logs either. */
  @Override
  public String toString() {
    return "TokenHash[" + SCHEME + ":<redacted>]";
  }

  private static byte[] base64(String text, String part) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character.
      throw new IllegalArgumentException(part + " is not base64");
    }
  }

  static byte[] utf8(String token) {
    return token.getBytes(StandardCharsets.UTF_8);
  }
}
