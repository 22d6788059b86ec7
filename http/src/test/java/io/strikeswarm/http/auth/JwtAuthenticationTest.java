package io.strikeswarm.http.auth;

import static io.strikeswarm.http.auth.TestJwts.NOW;
import static io.strikeswarm.http.auth.TestJwts.at;
import static io.strikeswarm.http.auth.TestJwts.hs256;
import static io.strikeswarm.http.auth.TestJwts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A JWT presented as a bearer token")
class JwtAuthenticationTest {

  private static Authenticator accepting(JwtSettings settings) {
    return new Authenticator(new AuthSettings(List.of(), Optional.of(settings), RateLimit.DEFAULT));
  }

  private static AuthResult present(String jwt) {
    return accepting(TestJwts.settings()).authenticate("Bearer " + jwt, NOW);
  }

  private static AuthResult rejected(String reason) {
    return new AuthResult.Rejected(reason);
  }

  @Test
  @DisplayName("signed HS256 with our secret, unexpired, with sub and role, authenticates sub with that role")
  void goodToken() {
    assertThat(present(hs256(valid())))
        .isEqualTo(new AuthResult.Authenticated(new Principal("alice", Role.OPERATOR)));
    assertThat(present(hs256(valid().subject("carol@example.com").claim("role", "admin"))))
        .isEqualTo(new AuthResult.Authenticated(new Principal("carol@example.com", Role.ADMIN)));
  }

  @Nested
  @DisplayName("is rejected for its signature when it")
  class Signature {

    @Test
    @DisplayName("says alg none, with or without a signature part")
    void algNone() {
      assertThat(present(TestJwts.algNone(valid(), ""))).isEqualTo(rejected("unsigned jwt (alg none)"));
      assertThat(present(TestJwts.algNone(valid(), "c2lnbmF0dXJl"))).isEqualTo(rejected("unsigned jwt (alg none)"));
    }

    @Test
    @DisplayName("is signed with another HMAC algorithm, even with our secret")
    void otherHmac() {
      String secret64 = TestJwts.SECRET + TestJwts.SECRET; // HS512 needs a 64-byte key
      String hs384 = TestJwts.sign(new JWSHeader(JWSAlgorithm.HS384), valid(), TestJwts.SECRET + "0123456789");
      String hs512 = TestJwts.sign(new JWSHeader(JWSAlgorithm.HS512), valid(), secret64);

      assertThat(present(hs384)).isEqualTo(rejected("jwt algorithm not allowed"));
      assertThat(present(hs512)).isEqualTo(rejected("jwt algorithm not allowed"));
    }

    @Test
    @DisplayName("is signed with a public-key algorithm")
    void publicKeyAlgorithm() {
      assertThat(present(TestJwts.rs256(valid()))).isEqualTo(rejected("jwt algorithm not allowed"));
    }

    @Test
    @DisplayName("has an encryption header")
    void encryptionHeader() {
      String jwe = TestJwts.b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + ".e30.c2ln";

      assertThat(present(jwe)).isEqualTo(rejected("jwt algorithm not allowed"));
    }

    @Test
    @DisplayName("is signed with another secret")
    void otherSecret() {
      assertThat(present(hs256(valid(), TestJwts.OTHER_SECRET))).isEqualTo(rejected("bad jwt signature"));
    }

    @Test
    @DisplayName("has had its payload changed after signing")
    void tamperedPayload() {
      String[] parts = hs256(valid()).split("\\.");
      String admin = TestJwts.b64(valid().claim("role", "admin").build().toString());

      assertThat(present(parts[0] + "." + admin + "." + parts[2])).isEqualTo(rejected("bad jwt signature"));
    }

    @Test
    @DisplayName("has its signature stripped (a signed token with no signature is no JWS at all)")
    void strippedSignature() {
      String[] parts = hs256(valid()).split("\\.");

      assertThat(present(parts[0] + "." + parts[1] + ".")).isEqualTo(rejected("malformed jwt"));
      assertThat(present(parts[0] + "." + parts[1] + ".AAAA")).isEqualTo(rejected("bad jwt signature"));
    }

    @Test
    @DisplayName("marks headers critical that we do not process")
    void criticalHeaders() {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(Set.of("x-must")).customParam(
          "x-must", true).build();

      assertThat(present(TestJwts.sign(header, valid(), TestJwts.SECRET)))
          .isEqualTo(rejected("jwt has unsupported critical headers"));
    }

    @Test
    @DisplayName("is not a JWT at all, only three dot-separated parts")
    void garbage() {
      assertThat(present("abc.def.ghi")).isEqualTo(rejected("malformed jwt"));
      assertThat(present("..")).isEqualTo(rejected("malformed jwt"));
    }

    @Test
    @DisplayName("carries a payload that is not a claims object, though properly signed")
    void payloadNotClaims() {
      assertThat(present(TestJwts.handMade("{\"alg\":\"HS256\"}", "[1,2,3]"))).isIn(rejected("malformed jwt"),
          rejected("malformed jwt claims"));
      assertThat(present(TestJwts.handMade("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\",\"exp\":\"soon\"}")))
          .isEqualTo(rejected("malformed jwt claims"));
    }
  }

  @Nested
  @DisplayName("is rejected for its time window when it")
  class TimeWindow {

    @Test
    @DisplayName("has no exp")
    void noExpiry() {
      assertThat(present(hs256(valid().expirationTime(null)))).isEqualTo(rejected("jwt has no exp"));
    }

    @Test
    @DisplayName("expired more than the clock skew ago, and not while within it")
    void expired() {
      assertThat(present(hs256(valid().expirationTime(at(-31))))).isEqualTo(rejected("jwt expired"));
      assertThat(present(hs256(valid().expirationTime(at(-30))))).isEqualTo(rejected("jwt expired"));
      assertThat(present(hs256(valid().expirationTime(at(-29))))).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    @DisplayName("becomes valid (nbf) more than the clock skew from now, and not within it")
    void notYetValid() {
      assertThat(present(hs256(valid().notBeforeTime(at(31))))).isEqualTo(rejected("jwt not yet valid"));
      assertThat(present(hs256(valid().notBeforeTime(at(30))))).isInstanceOf(AuthResult.Authenticated.class);
      assertThat(present(hs256(valid().notBeforeTime(at(-60))))).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    @DisplayName("falls outside a configured clock skew of zero")
    void zeroSkew() {
      Authenticator strict = accepting(new JwtSettings(TestJwts.settings().secret(), Optional.empty(),
          Optional.empty(), Duration.ZERO));

      assertThat(strict.authenticate("Bearer " + hs256(valid().expirationTime(at(0))), NOW))
          .isEqualTo(rejected("jwt expired"));
      assertThat(strict.authenticate("Bearer " + hs256(valid().expirationTime(at(1))), NOW))
          .isInstanceOf(AuthResult.Authenticated.class);
      assertThat(strict.authenticate("Bearer " + hs256(valid().notBeforeTime(at(1))), NOW))
          .isEqualTo(rejected("jwt not yet valid"));
    }
  }

  @Nested
  @DisplayName("is rejected for its claims when it")
  class Claims {
    private final Authenticator checking = accepting(new JwtSettings(TestJwts.settings().secret(),
        Optional.of("strikeswarm"), Optional.of("swarm-api"), JwtSettings.DEFAULT_CLOCK_SKEW));

    private AuthResult check(JWTClaimsSet.Builder claims) {
      return checking.authenticate("Bearer " + hs256(claims), NOW);
    }

    private JWTClaimsSet.Builder addressed() {
      return valid().issuer("strikeswarm").audience("swarm-api");
    }

    @Test
    @DisplayName("(for contrast) carries the configured issuer and, among others, the configured audience")
    void rightIssuerAndAudience() {
      assertThat(check(addressed())).isInstanceOf(AuthResult.Authenticated.class);
      assertThat(check(addressed().audience(List.of("billing", "swarm-api")))).isInstanceOf(
          AuthResult.Authenticated.class);
    }

    @Test
    @DisplayName("comes from another issuer, or names none, when an issuer is configured")
    void wrongIssuer() {
      assertThat(check(addressed().issuer("someone-else"))).isEqualTo(rejected("wrong jwt issuer"));
      assertThat(check(addressed().issuer(null))).isEqualTo(rejected("wrong jwt issuer"));
    }

    @Test
    @DisplayName("is meant for another audience, or names none, when an audience is configured")
    void wrongAudience() {
      assertThat(check(addressed().audience("billing"))).isEqualTo(rejected("wrong jwt audience"));
      assertThat(check(addressed().audience((String) null))).isEqualTo(rejected("wrong jwt audience"));
    }

    @Test
    @DisplayName("has no subject, or one that cannot be a principal's name")
    void noSubject() {
      assertThat(check(addressed().subject(null))).isEqualTo(rejected("jwt has no usable sub"));
      assertThat(check(addressed().subject(" "))).isEqualTo(rejected("jwt has no usable sub"));
      assertThat(check(addressed().subject("alice\nadmin logged in"))).isEqualTo(rejected("jwt has no usable sub"));
    }

    @Test
    @DisplayName("has no role")
    void noRole() {
      assertThat(check(addressed().claim("role", null))).isEqualTo(rejected("jwt has no role"));
    }

    @Test
    @DisplayName("has a role we do not know, or one that is not a string")
    void unknownRole() {
      assertThat(check(addressed().claim("role", "root"))).isEqualTo(rejected("jwt role unknown"));
      assertThat(check(addressed().claim("role", "ADMIN"))).isEqualTo(rejected("jwt role unknown"));
      assertThat(check(addressed().claim("role", List.of("admin")))).isEqualTo(rejected("jwt role unknown"));
      assertThat(check(addressed().claim("role", 3))).isEqualTo(rejected("jwt role unknown"));
    }

    @Test
    @DisplayName("is fine without issuer and audience when neither is configured")
    void unchecked() {
      assertThat(present(hs256(valid()))).isInstanceOf(AuthResult.Authenticated.class);
      assertThat(present(hs256(valid().issuer("anyone").audience("anything")))).isInstanceOf(
          AuthResult.Authenticated.class);
    }
  }

  @Nested
  @DisplayName("settings")
  class Settings {

    @Test
    @DisplayName("refuse a secret shorter than 32 bytes, without showing it")
    void shortSecret() {
      Secret shortSecret = Secret.of("31-bytes-of-secret-0123456789ab".getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> JwtSettings.of(shortSecret))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("must be at least 32 bytes (256 bits) for HS256");
      assertThat(JwtSettings.of(Secret.of(new byte[32])).secret().length()).isEqualTo(32);
    }

    @Test
    @DisplayName("refuse a negative clock skew or one over five minutes")
    void skewBounds() {
      Secret secret = TestJwts.settings().secret();
      assertThatThrownBy(() -> new JwtSettings(secret, Optional.empty(), Optional.empty(), Duration.ofSeconds(-1)))
          .hasMessage("must be between 0s and 5m");
      assertThatThrownBy(() -> new JwtSettings(secret, Optional.empty(), Optional.empty(), Duration.ofSeconds(301)))
          .hasMessage("must be between 0s and 5m");
    }

    @Test
    @DisplayName("never show the secret in toString")
    void redacted() {
      assertThat(TestJwts.settings().toString()).doesNotContain(TestJwts.SECRET).contains("redacted");
      assertThat(TestJwts.settings().secret().toString()).doesNotContain(TestJwts.SECRET);
    }
  }
}
