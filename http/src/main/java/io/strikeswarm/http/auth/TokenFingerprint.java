package io.strikeswarm.http.auth;

import java.nio.ByteBuffer;

/**
 * The unsalted SHA-256 of a presented token, as four longs: a cache key that identifies the token (two tokens share a
 * fingerprint only by a SHA-256 collision) without the cache ever holding the token itself.
 */
record TokenFingerprint(long first, long second, long third, long fourth) {

  static TokenFingerprint of(String token) {
    ByteBuffer digest = ByteBuffer.wrap(Sha256.digest(TokenHash.utf8(token)));
    return new TokenFingerprint(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }

  @Override
  public String toString() {
    return "TokenFingerprint[<redacted>]";
  }
}
