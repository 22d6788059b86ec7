package io.strikeswarm.http.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque tokens already checked against the configured hashes, by fingerprint, so a known token costs one SHA-256
 * and one map lookup instead of one salted hash per configured token.
 *
 * <p>Only tokens that matched a configured hash are remembered, so the live entries can never outnumber the configured
 * tokens; the capacity turns that argument into a hard limit (give or take threads racing past the size check) so a
 * bug elsewhere cannot turn the cache into a memory leak. Failed guesses are deliberately not remembered: an attacker
 * could fill any such cache at will.
 *
 * <p>The map lookup compares fingerprints with ordinary equality, which is not constant-time. That is fine: the
 * fingerprints are SHA-256 outputs of 256-bit secrets, so learning how many leading bits a guess's fingerprint shares
 * with a valid one does not bring the guesser any closer to a token.
 */
final class VerifiedTokenCache {
  private final int capacity;
  private final ConcurrentHashMap<TokenFingerprint, AuthResult.Authenticated> verified;

  VerifiedTokenCache(int capacity) {
    this.capacity = capacity;
    this.verified = new ConcurrentHashMap<>(Math.max(capacity, 1));
  }

  /** The result for a token with this fingerprint that was verified before, or null. */
  AuthResult.Authenticated lookup(TokenFingerprint fingerprint) {
    return verified.get(fingerprint);
  }

  void remember(TokenFingerprint fingerprint, AuthResult.Authenticated result) {
    if (verified.size() < capacity) verified.putIfAbsent(fingerprint, result);
  }

  int size() {
    return verified.size();
  }
}
