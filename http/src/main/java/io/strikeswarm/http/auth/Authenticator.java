package io.strikeswarm.http.auth;

/**
 * Decides who makes a request from its {@code Authorization} header. Thread-safe, and cheap enough to run on every
 * request: a known opaque token costs one SHA-256 and a map lookup; a JWT one HMAC and a small JSON parse.
 *
 * <p>A credential with three dot-separated parts is treated as a JWT; anything else as an opaque token. If the
 * settings hold no tokens and no JWT secret ({@link AuthSettings#locked()}), the API is locked: every request is
 * {@link AuthResult.Missing} or {@link AuthResult.Rejected}, never {@link AuthResult.Authenticated}.
 */
public final class Authenticator {
  /** Far above any token we issue or JWT we expect; refused before any hashing or parsing is spent on it. */
  public static final int MAX_CREDENTIAL_CHARS = 8192;

  static final AuthResult.Rejected EMPTY = new AuthResult.Rejected("empty bearer token");
  static final AuthResult.Rejected TOO_LONG = new AuthResult.Rejected("bearer token too long");
  static final AuthResult.Rejected MALFORMED = new AuthResult.Rejected("malformed bearer token");
  static final AuthResult.Rejected JWT_NOT_ACCEPTED = new AuthResult.Rejected("jwts not accepted");

  private final OpaqueTokenVerifier opaque;
  private final JwtVerifier jwt;
  private final boolean locked;

  public Authenticator(AuthSettings settings) {
    this.opaque = new OpaqueTokenVerifier(settings.tokens());
    this.jwt = settings.jwt().map(JwtVerifier::new).orElse(null);
    this.locked = settings.locked();
  }

  /**
   * Who presents {@code authorization}, checked at {@code nowEpochMs} (JWT {@code exp} and {@code nbf}).
   *
   * @param authorization the raw header value, or null when the request has none
   */
  public AuthResult authenticate(String authorization, long nowEpochMs) {
    String credential = BearerHeader.credential(authorization);
    if (credential == null) return AuthResult.MISSING;
    if (credential.isEmpty()) return EMPTY;
    if (credential.length() > MAX_CREDENTIAL_CHARS) return TOO_LONG;
    if (!BearerHeader.isToken68(credential)) return MALFORMED;
    if (BearerHeader.looksLikeJwt(credential)) {
      return jwt == null ? JWT_NOT_ACCEPTED : jwt.verify(credential, nowEpochMs);
    }
    return opaque.verify(credential);
  }

  /** No request can be authenticated (no tokens, no JWT secret): worth a warning when the server starts. */
  public boolean locked() {
    return locked;
  }

  /** Opaque tokens verified so far and remembered: for tests. */
  int rememberedTokens() {
    return opaque.remembered();
  }
}
