package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The token generator")
class TokenGeneratorTest {
  private final TokenGenerator generator = new TokenGenerator();

  @Test
  @DisplayName("makes ssw_ tokens of 32 random bytes in unpadded base64url")
  void tokenShape() {
    String token = generator.generate("ops-alice", Role.OPERATOR).token();

    assertThat(token).matches("ssw_[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
  }

  @Test
  @DisplayName("never makes the same token twice")
  void unique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) assertThat(seen.add(generator.generate("x", Role.VIEWER).token())).isTrue();
  }

  @Test
  @DisplayName("pairs the token with an entry whose hash matches it and no other")
  void entryMatchesToken() {
    NewToken alice = generator.generate("ops-alice", Role.OPERATOR);
    NewToken bob = generator.generate("bob", Role.OPERATOR);

    assertThat(alice.entry().name()).isEqualTo("ops-alice");
    assertThat(alice.entry().role()).isEqualTo(Role.OPERATOR);
    assertThat(alice.entry().hash().matches(alice.token())).isTrue();
    assertThat(alice.entry().hash().matches(bob.token())).isFalse();
  }

  @Test
  @DisplayName("gives a HOCON snippet that, pasted into the tokens list, makes the token authenticate")
  void snippetRoundTrips() {
    NewToken created = generator.generate("ops.alice@desk-2", Role.ADMIN);

    assertThat(created.hoconSnippet())
        .isEqualTo("{ name = \"ops.alice@desk-2\", role = admin, hash = \"" + created.entry().hash().encoded() + "\" }")
        .doesNotContain(created.token());
    AuthSettings settings = AuthSettings.from(ConfigFactory.parseString(
        "tokens = [\n  " + created.hoconSnippet() + "\n]").resolve());
    AuthResult result = new Authenticator(settings).authenticate("Bearer " + created.token(), TestJwts.NOW);

    assertThat(result).isEqualTo(new AuthResult.Authenticated(new Principal("ops.alice@desk-2", Role.ADMIN)));
  }

  @Test
  @DisplayName("keeps the token out of toString")
  void redacted() {
    NewToken created = generator.generate("ops-alice", Role.OPERATOR);

    assertThat(created.toString()).doesNotContain(created.token()).contains("ops-alice").contains("redacted");
    assertThat(created.entry().toString()).doesNotContain(created.token())
        .doesNotContain(created.entry().hash().encoded().split(":")[2]);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "-leading-dash", "with space", "quote\"", "new\nline", "ünïcode",
      "a-name-that-is-far-too-long-to-be-a-token-name-0123456789-0123456789"})
  @DisplayName("refuses a name that cannot be a token name")
  void refusesBadNames(String name) {
    assertThatThrownBy(() -> generator.generate(name, Role.VIEWER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token name must be 1 to 64 letters");
  }
}
