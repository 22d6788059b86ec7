package io.strikeswarm.http.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 without the checked exception every Java platform is guaranteed never to throw. */
final class Sha256 {
  static final int BYTES = 32;

  private Sha256() {}

  static byte[] digest(byte[] salt, byte[] message) {
    MessageDigest sha256 = newDigest();
    sha256.update(salt);
    return sha256.digest(message);
  }

  static byte[] digest(byte[] message) {
    return newDigest().digest(message);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the platform has no SHA-256, which every Java platform must have", e);
    }
  }
}
