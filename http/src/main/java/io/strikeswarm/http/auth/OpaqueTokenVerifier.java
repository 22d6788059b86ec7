package io.strikeswarm.http.auth;

import java.util.List;

/** Checks an opaque bearer token against the configured hashes, remembering the tokens that passed. */
final class OpaqueTokenVerifier {
  static final AuthResult.Rejected UNKNOWN = new AuthResult.Rejected("unknown token");

  private final List<ConfiguredToken> tokens;
  private final VerifiedTokenCache verified;

  OpaqueTokenVerifier(List<ConfiguredToken> tokens) {
    this.tokens = List.copyOf(tokens);
    this.verified = new VerifiedTokenCache(this.tokens.size());
  }

  AuthResult verify(String token) {
    if (tokens.isEmpty()) return UNKNOWN;
    TokenFingerprint fingerprint = TokenFingerprint.of(token);
    AuthResult.Authenticated known = verified.lookup(fingerprint);
    if (known != null) return known;
    for (ConfiguredToken configured : tokens) {
      if (configured.hash().matches(token)) {
        AuthResult.Authenticated result = new AuthResult.Authenticated(configured.principal());
        verified.remember(fingerprint, result);
        return result;
      }
    }
    return UNKNOWN;
  }

  int remembered() {
    return verified.size();
  }
}
