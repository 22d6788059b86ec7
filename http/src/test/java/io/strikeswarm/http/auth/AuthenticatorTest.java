package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opaque tokens and the header around them; JWTs have their own specification in {@link JwtAuthenticationTest}. */
@DisplayName("The authenticator")
class AuthenticatorTest {
  private static final TokenGenerator GENERATOR = new TokenGenerator(new SecureRandom());
  private static final NewToken ALICE = GENERATOR.generate("ops-alice", Role.OPERATOR);
  private static final NewToken BOB = GENERATOR.generate("bob", Role.VIEWER);
  private static final long NOW = TestJwts.NOW;

  private static Authenticator withTokens(NewToken... tokens) {
    List<ConfiguredToken> entries = Stream.of(tokens).map(NewToken::entry).toList();
    return new Authenticator(new AuthSettings(entries, Optional.empty(), RateLimit.DEFAULT));
  }

  private static AuthResult authenticated(NewToken token) {
    return new AuthResult.Authenticated(token.entry().principal());
  }

  @Nested
  @DisplayName("with no bearer credentials")
  class NoCredentials {

    @Test
    @DisplayName("answers Missing when there is no header")
    void noHeader() {
      assertThat(withTokens(ALICE).authenticate(null, NOW)).isEqualTo(AuthResult.MISSING);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   ", "Basic YWxpY2U6c2VjcmV0", "Digest username=\"alice\"", "Bearerx abc",
        "Token abc", "ssw_abc"})
    @DisplayName("answers Missing for a blank header or another scheme")
    void otherSchemes(String header) {
      assertThat(withTokens(ALICE).authenticate(header, NOW)).isEqualTo(AuthResult.MISSING);
    }
  }

  @Nested
  @DisplayName("with an opaque token")
  class OpaqueTokens {

    @Test
    @DisplayName("authenticates each configured token as its own principal")
    void knownTokens() {
      Authenticator authenticator = withTokens(ALICE, BOB);

      assertThat(authenticator.authenticate("Bearer " + ALICE.token(), NOW))
          .isEqualTo(new AuthResult.Authenticated(new Principal("ops-alice", Role.OPERATOR)));
      assertThat(authenticator.authenticate("Bearer " + BOB.token(), NOW))
          .isEqualTo(new AuthResult.Authenticated(new Principal("bob", Role.VIEWER)));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer   ", "  Bearer\t"})
    @DisplayName("reads the scheme case-insensitively and tolerates extra whitespace")
    void lenientScheme(String prefix) {
      assertThat(withTokens(ALICE).authenticate(prefix + ALICE.token() + " ", NOW)).isEqualTo(authenticated(ALICE));
    }

    @Test
    @DisplayName("rejects a token that is not configured")
    void unknownToken() {
      String stranger = GENERATOR.generate("stranger", Role.ADMIN).token();

      assertThat(withTokens(ALICE, BOB).authenticate("Bearer " + stranger, NOW))
          .isEqualTo(new AuthResult.Rejected("unknown token"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    "})
    @DisplayName("rejects a Bearer header with no token")
    void emptyToken(String header) {
      assertThat(withTokens(ALICE).authenticate(header, NOW)).isEqualTo(new AuthResult.Rejected("empty bearer token"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"two words", "quo\"ted", "=abc", "ab=c", "tab\there", "ünïcode", "semi;colon"})
    @DisplayName("rejects a token outside the token68 alphabet before looking it up")
    void malformedToken(String token) {
      assertThat(withTokens(ALICE).authenticate("Bearer " + token, NOW))
          .isEqualTo(new AuthResult.Rejected("malformed bearer token"));
    }

    @Test
    @DisplayName("rejects a token longer than any credential we accept")
    void tooLong() {
      String huge = "a".repeat(Authenticator.MAX_CREDENTIAL_CHARS + 1);

      assertThat(withTokens(ALICE).authenticate("Bearer " + huge, NOW))
          .isEqualTo(new AuthResult.Rejected("bearer token too long"));
    }

    @Test
    @DisplayName("remembers a verified token, and answers the same from memory")
    void remembersVerifiedTokens() {
      Authenticator authenticator = withTokens(ALICE, BOB);

      AuthResult first = authenticator.authenticate("Bearer " + ALICE.token(), NOW);
      AuthResult again = authenticator.authenticate("Bearer " + ALICE.token(), NOW);

      assertThat(authenticator.rememberedTokens()).isEqualTo(1);
      assertThat(again).isEqualTo(first).isEqualTo(authenticated(ALICE));
    }

    @Test
    @DisplayName("once it remembers a token, still refuses tokens that differ from it by a character")
    void memoryDoesNotAcceptNearMisses() {
      Authenticator authenticator = withTokens(ALICE);
      authenticator.authenticate("Bearer " + ALICE.token(), NOW);
      String token = ALICE.token();

      for (int i = 0; i < token.length(); i++) {
        char other = token.charAt(i) == 'A' ? 'B' : 'A';
        String nearMiss = token.substring(0, i) + other + token.substring(i + 1);
        assertThat(authenticator.authenticate("Bearer " + nearMiss, NOW)).as("differs at %d", i)
            .isEqualTo(OpaqueTokenVerifier.UNKNOWN);
      }
      assertThat(authenticator.authenticate("Bearer " + token.substring(0, token.length() - 1), NOW))
          .isEqualTo(OpaqueTokenVerifier.UNKNOWN);
      assertThat(authenticator.rememberedTokens()).isEqualTo(1);
    }

    @Test
    @DisplayName("remembers no more tokens than are configured, however many guesses it sees")
    void memoryIsBounded() {
      Authenticator authenticator = withTokens(ALICE, BOB);
      for (int i = 0; i < 1_000; i++) {
        authenticator.authenticate("Bearer " + GENERATOR.generate("guess", Role.ADMIN).token(), NOW);
        authenticator.authenticate("Bearer " + ALICE.token(), NOW);
        authenticator.authenticate("Bearer " + BOB.token(), NOW);
      }

      assertThat(authenticator.rememberedTokens()).isEqualTo(2);
    }

    @Test
    @DisplayName("gives every thread the same answers when they race on first use")
    void threadSafe() throws InterruptedException {
      Authenticator authenticator = withTokens(ALICE, BOB);
      String stranger = GENERATOR.generate("stranger", Role.ADMIN).token();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      for (int t = 0; t < 8; t++) {
        pool.execute(() -> {
          for (int i = 0; i < 2_000; i++) {
            if (!authenticator.authenticate("Bearer " + ALICE.token(), NOW).equals(authenticated(ALICE))) {
              wrong.add("alice");
            }
            if (!authenticator.authenticate("Bearer " + BOB.token(), NOW).equals(authenticated(BOB))) wrong.add("bob");
            if (!(authenticator.authenticate("Bearer " + stranger, NOW) instanceof AuthResult.Rejected)) {
              wrong.add("stranger");
            }
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(wrong).isEmpty();
      assertThat(authenticator.rememberedTokens()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("with nothing configured (a locked API)")
  class Locked {

    @Test
    @DisplayName("authenticates nobody: no header is Missing, any token is Rejected")
    void authenticatesNobody() {
      Authenticator locked = withTokens();

      assertThat(locked.locked()).isTrue();
      assertThat(locked.authenticate(null, NOW)).isEqualTo(AuthResult.MISSING);
      assertThat(locked.authenticate("Bearer " + ALICE.token(), NOW)).isInstanceOf(AuthResult.Rejected.class);
      assertThat(locked.authenticate("Bearer " + TestJwts.hs256(TestJwts.valid()), NOW))
          .isEqualTo(new AuthResult.Rejected("jwts not accepted"));
    }

    @Test
    @DisplayName("is not what a configured authenticator reports")
    void configuredIsNotLocked() {
      assertThat(withTokens(ALICE).locked()).isFalse();
      assertThat(new Authenticator(new AuthSettings(List.of(), Optional.of(TestJwts.settings()), RateLimit.DEFAULT))
          .locked()).isFalse();
    }
  }

  @Property(tries = 300)
  @Label("no presented token but a configured one is ever authenticated, even after the real ones were remembered")
  void guessesNeverAuthenticate(@ForAll @StringLength(min = 1, max = 80) String guess) {
    Authenticator authenticator = withTokens(ALICE, BOB);
    authenticator.authenticate("Bearer " + ALICE.token(), NOW);
    authenticator.authenticate("Bearer " + BOB.token(), NOW);

    AuthResult result = authenticator.authenticate("Bearer " + guess, NOW);
    AuthResult prefixed = authenticator.authenticate("Bearer ssw_" + guess, NOW);

    assertThat(result).isNotInstanceOf(AuthResult.Authenticated.class);
    assertThat(prefixed).isNotInstanceOf(AuthResult.Authenticated.class);
  }

  @Property(tries = 300)
  @Label("a rejection's reason never contains the credential or any long piece of it")
  void reasonsNeverQuoteTheCredential(@ForAll @StringLength(min = 8, max = 200) String credential) {
    Authenticator authenticator = new Authenticator(new AuthSettings(List.of(ALICE.entry()),
        Optional.of(TestJwts.settings()), RateLimit.DEFAULT));

    for (String presented : List.of(credential, credential + "." + credential + "." + credential)) {
      if (authenticator.authenticate("Bearer " + presented, NOW) instanceof AuthResult.Rejected rejected) {
        assertThat(rejected.reason()).doesNotContain(credential.substring(0, 8)).hasSizeLessThan(60);
      }
    }
  }
}
