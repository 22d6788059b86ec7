package io.strikeswarm.http.auth;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a compact JWT: HS256 only, signature before anything in the payload is believed, then the time window, the
 * issuer and audience when configured, and a subject and role to make the principal from.
 *
 * <p>Every refusal is one of the fixed reasons below. Nimbus's own exception messages are never passed on, since some
 * of them quote the header or claims they choked on.
 */
final class JwtVerifier {
  static final String ROLE_CLAIM = "role";

  static final AuthResult.Rejected MALFORMED = rejected("malformed jwt");
  static final AuthResult.Rejected UNSIGNED = rejected("unsigned jwt (alg none)");
  static final AuthResult.Rejected ALGORITHM = rejected("jwt algorithm not allowed");
  static final AuthResult.Rejected CRITICAL_HEADER = rejected("jwt has unsupported critical headers");
  static final AuthResult.Rejected BAD_SIGNATURE = rejected("bad jwt signature");
  static final AuthResult.Rejected MALFORMED_CLAIMS = rejected("malformed jwt claims");
  static final AuthResult.Rejected NO_EXPIRY = rejected("jwt has no exp");
  static final AuthResult.Rejected EXPIRED = rejected("jwt expired");
  static final AuthResult.Rejected NOT_YET_VALID = rejected("jwt not yet valid");
  static final AuthResult.Rejected WRONG_ISSUER = rejected("wrong jwt issuer");
  static final AuthResult.Rejected WRONG_AUDIENCE = rejected("wrong jwt audience");
  static final AuthResult.Rejected NO_SUBJECT = rejected("jwt has no usable sub");
  static final AuthResult.Rejected NO_ROLE = rejected("jwt has no role");
  static final AuthResult.Rejected UNKNOWN_ROLE = rejected("jwt role unknown");

  private final JwtSettings settings;
  private final long skewMs;
  private final JWSVerifier hs256;

  JwtVerifier(JwtSettings settings) {
    this.settings = settings;
    this.skewMs = settings.clockSkew().toMillis();
    try {
      this.hs256 = new MACVerifier(settings.secret().bytes());
    } catch (JOSEException e) {
      // Only thrown for a key shorter than 256 bits, which JwtSettings already refuses; no cause: it is about the key.
      throw new IllegalArgumentException("jwt secret " + JwtSettings.SECRET_RULE);
    }
  }

  AuthResult verify(String token, long nowEpochMs) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return whyUnparseable(token);
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return ALGORITHM;
    // MACVerifier would refuse these as a bad signature, which would send whoever debugs it the wrong way.
    Set<String> critical = jwt.getHeader().getCriticalParams();
    if (critical != null && !critical.isEmpty()) return CRITICAL_HEADER;
    try {
      if (!jwt.verify(hs256)) return BAD_SIGNATURE;
    } catch (JOSEException | IllegalStateException e) {
      return BAD_SIGNATURE;
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return MALFORMED_CLAIMS;
    }
    return checkClaims(claims, nowEpochMs);
  }

  private AuthResult checkClaims(JWTClaimsSet claims, long nowEpochMs) {
    Date expiry = claims.getExpirationTime();
    if (expiry == null) return NO_EXPIRY;
    // RFC 7519: valid while now < exp, and from nbf on; the skew widens both ends.
    if (nowEpochMs - skewMs >= expiry.getTime()) return EXPIRED;
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && nowEpochMs + skewMs < notBefore.getTime()) return NOT_YET_VALID;
    if (settings.issuer().isPresent() && !settings.issuer().get().equals(claims.getIssuer())) return WRONG_ISSUER;
    if (settings.audience().isPresent()) {
      List<String> audience = claims.getAudience();
      if (audience == null || !audience.contains(settings.audience().get())) return WRONG_AUDIENCE;
    }
    String subject = claims.getSubject();
    if (!Principal.isValidName(subject)) return NO_SUBJECT;
    Object role = claims.getClaim(ROLE_CLAIM);
    if (role == null) return NO_ROLE;
    if (!(role instanceof String roleName)) return UNKNOWN_ROLE;
    try {
      return new AuthResult.Authenticated(new Principal(subject, Role.parse(roleName)));
    } catch (IllegalArgumentException e) {
      return UNKNOWN_ROLE;
    }
  }

  /**
   * Nimbus refuses {@code alg: none} and encrypted-token headers as "not a JWS"; tell those apart from plain garbage
   * for whoever reads the log.
   */
  private static AuthResult whyUnparseable(String token) {
    try {
      Header header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
      if (Algorithm.NONE.equals(header.getAlgorithm())) return UNSIGNED;
      return header instanceof JWSHeader ? MALFORMED : ALGORITHM;
    } catch (ParseException | RuntimeException e) {
      return MALFORMED;
    }
  }

  private static AuthResult.Rejected rejected(String reason) {
    return new AuthResult.Rejected(reason);
  }
}
