package io.strikeswarm.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints the JWTs the tests present: well-formed, badly signed, or shaped by an attacker. */
final class TestJwts {
  /** 40 bytes, comfortably over the 32 HS256 needs. */
  static final String SECRET = "test-secret-0123456789-abcdefghijklmnopq";
  static final String OTHER_SECRET = "another-secret-0123456789-abcdefghijklm";
  /** A whole second, since JWT times are whole seconds. */
  static final long NOW = 1_750_000_000_000L;

  private TestJwts() {}

  /** Settings that accept what {@link #valid()} mints: our secret, no issuer or audience check, 30 s skew. */
  static JwtSettings settings() {
    return JwtSettings.of(Secret.of(SECRET.getBytes(StandardCharsets.UTF_8)));
  }

  /** Claims of a good token at {@link #NOW}: operator alice, valid for five minutes. */
  static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .subject("alice")
        .claim("role", "operator")
        .issueTime(at(0))
        .expirationTime(at(300));
  }

  static Date at(long secondsFromNow) {
    return new Date(NOW + secondsFromNow * 1000);
  }

  static String hs256(JWTClaimsSet.Builder claims) {
    return sign(new JWSHeader(JWSAlgorithm.HS256), claims, SECRET);
  }

  static String hs256(JWTClaimsSet.Builder claims, String secret) {
    return sign(new JWSHeader(JWSAlgorithm.HS256), claims, secret);
  }

  static String sign(JWSHeader header, JWTClaimsSet.Builder claims, String secret) {
    try {
      return sign(header, claims, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String rs256(JWTClaimsSet.Builder claims) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      return sign(new JWSHeader(JWSAlgorithm.RS256), claims, new RSASSASigner(rsa.generateKeyPair().getPrivate()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token as an attacker would write it: {@code alg: none}, and whatever signature part they like. */
  static String algNone(JWTClaimsSet.Builder claims, String signaturePart) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.build().toString()) + "." + signaturePart;
  }

  /** A token with a hand-written header and payload, signed with our secret over exactly those bytes. */
  static String handMade(String headerJson, String payloadJson) {
    try {
      String signingInput = b64(headerJson) + "." + b64(payloadJson);
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + Base64URL.encode(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims.build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
