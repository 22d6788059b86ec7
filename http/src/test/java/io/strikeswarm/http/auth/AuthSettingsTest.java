package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Auth settings")
class AuthSettingsTest {
  private static final TokenGenerator GENERATOR = new TokenGenerator();
  private static final NewToken ALICE = GENERATOR.generate("ops-alice", Role.OPERATOR);
  private static final NewToken BOB = GENERATOR.generate("bob", Role.VIEWER);
  /** Stand-in for what the environment would hold: long enough, and easy to search for in messages. */
  private static final String ENV_SECRET = "env-secret-SENTINEL-0123456789-0123456789";
  private static final String SHORT_SECRET = "short-SENTINEL-secret";

  /** Reads {@code body} as the contents of {@code swarm.http.auth}, resolved against a fake environment. */
  private static AuthSettings read(String body) {
    return AuthSettings.from(authBlock(body));
  }

  private static Config authBlock(String body) {
    Config environment = ConfigFactory.parseMap(Map.of("SWARM_JWT_SECRET", ENV_SECRET));
    return ConfigFactory.parseString("swarm.http.auth {\n" + body + "\n}")
        .resolveWith(environment)
        .getConfig("swarm.http.auth");
  }

  private static String entry(NewToken token) {
    return token.hoconSnippet();
  }

  @Test
  @DisplayName("read a full block: tokens, a JWT secret from the environment, issuer, audience, skew and rate limit")
  void fullBlock() {
    AuthSettings settings = read("""
        tokens = [ %s, %s ]
        jwt {
          secret = ${?SWARM_JWT_SECRET}
          issuer = "strikeswarm", audience = "swarm-api", clock-skew = 10s
        }
        rate-limit { per-second = 20, burst = 40 }
        """.formatted(entry(ALICE), entry(BOB)));

    assertThat(settings.tokens()).containsExactly(ALICE.entry(), BOB.entry());
    assertThat(settings.jwt()).contains(new JwtSettings(Secret.of(ENV_SECRET.getBytes(StandardCharsets.UTF_8)),
        Optional.of("strikeswarm"), Optional.of("swarm-api"), Duration.ofSeconds(10)));
    assertThat(settings.rateLimit()).isEqualTo(new RateLimit(20, 40));
    assertThat(settings.locked()).isFalse();
  }

  @Test
  @DisplayName("default to no tokens, no JWTs (a locked API), and 50 requests a second with bursts of 100")
  void defaults() {
    AuthSettings settings = read("");

    assertThat(settings.tokens()).isEmpty();
    assertThat(settings.jwt()).isEmpty();
    assertThat(settings.rateLimit()).isEqualTo(new RateLimit(50, 100));
    assertThat(settings.locked()).isTrue();
    assertThat(new Authenticator(settings).locked()).isTrue();
  }

  @Test
  @DisplayName("default the JWT clock skew to 30 seconds and check no issuer or audience unless given")
  void jwtDefaults() {
    JwtSettings jwt = read("jwt.secret = ${?SWARM_JWT_SECRET}").jwt().orElseThrow();

    assertThat(jwt.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(jwt.issuer()).isEmpty();
    assertThat(jwt.audience()).isEmpty();
  }

  @Test
  @DisplayName("read the JWT secret from a file, trimmed, so that the tokens its holder signs authenticate")
  void secretFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("jwt"), "  " + TestJwts.SECRET + "\n");

    AuthSettings settings = read("jwt.secret-file = \"" + file.toString().replace("\\", "\\\\") + "\"");

    assertThat(settings.jwt().orElseThrow().secret()).isEqualTo(TestJwts.settings().secret());
    assertThat(new Authenticator(settings).authenticate("Bearer " + TestJwts.hs256(TestJwts.valid()), TestJwts.NOW))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  @DisplayName("refuse a jwt block whose secret comes from an environment variable that is not set")
  void unsetEnvironmentSecret() {
    Config unset = ConfigFactory.parseString("swarm.http.auth.jwt { secret = ${?SWARM_JWT_SECRET_NOT_SET} }")
        .resolve().getConfig("swarm.http.auth");

    assertThatThrownBy(() -> AuthSettings.from(unset))
        .isInstanceOfSatisfying(AuthConfigError.class, e -> assertThat(e.path())
            .isEqualTo("swarm.http.auth.jwt.secret"))
        .hasMessageContaining("missing");
  }

  @Test
  @DisplayName("name settings under the path they were read from, when it is not the default")
  void customPath() {
    Config block = ConfigFactory.parseString("tokens = [ { name = x, role = root, hash = \"h\" } ]");

    assertThatThrownBy(() -> AuthSettings.from(block, "api.auth"))
        .hasMessage("api.auth.tokens[0].role: must be viewer, operator or admin, got 'root'");
  }

  @Test
  @DisplayName("refuse a block that still has unresolved substitutions")
  void unresolved() {
    Config block = ConfigFactory.parseString("jwt.secret = ${SWARM_JWT_SECRET}");

    assertThatThrownBy(() -> AuthSettings.from(block)).isInstanceOf(AuthConfigError.class)
        .hasMessageStartingWith("swarm.http.auth: ");
  }

  @Test
  @DisplayName("never show a secret or a token hash in toString")
  void toStringIsRedacted() {
    AuthSettings settings = read("tokens = [ %s ]\njwt.secret = ${?SWARM_JWT_SECRET}".formatted(entry(ALICE)));
    String[] hash = ALICE.entry().hash().encoded().split(":");

    assertThat(settings.toString())
        .contains("ops-alice")
        .doesNotContain(ENV_SECRET)
        .doesNotContain(hash[1])
        .doesNotContain(hash[2])
        .doesNotContain(ALICE.token());
  }

  static Stream<Arguments> badBlocks() {
    String alice = entry(ALICE);
    String bob = entry(BOB);
    String aliceHash = ALICE.entry().hash().encoded();
    return Stream.of(
        bad("tokens = [ %s, { name = root, role = root, hash = \"%s\" } ]".formatted(alice, BOB.entry().hash()
                .encoded()),
            "tokens[1].role", "must be viewer, operator or admin, got 'root'"),
        bad("tokens = \"ops-alice\"", "tokens", "must be a list of token entries"),
        bad("tokens = [ \"ops-alice\" ]", "tokens[0]", "must be an object { name = ..., role = ..., hash = ... }"),
        bad("tokens = [ { role = admin, hash = \"%s\" } ]".formatted(aliceHash), "tokens[0].name", "missing"),
        bad("tokens = [ { name = alice, hash = \"%s\" } ]".formatted(aliceHash), "tokens[0].role", "missing"),
        bad("tokens = [ { name = alice, role = admin } ]", "tokens[0].hash", "missing"),
        bad("tokens = [ { name = \"bad name\", role = admin, hash = \"%s\" } ]".formatted(aliceHash), "tokens[0].name",
            "must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit, got 'bad name'"),
        bad("tokens = [ { name = alice, role = [admin], hash = \"%s\" } ]".formatted(aliceHash), "tokens[0].role",
            "must be a string"),
        bad("tokens = [ { name = alice, role = admin, hash = \"%s\" } ]".formatted(aliceHash.replace("sha256", "md5")),
            "tokens[0].hash", "must look like sha256:<salt base64>:<digest base64>"),
        bad("tokens = [ { name = alice, role = admin, hash = \"%s\" } ]".formatted(ALICE.token()),
            "tokens[0].hash", "must look like sha256:<salt base64>:<digest base64>"),
        bad("tokens = [ { name = alice, role = admin, hahs = \"%s\" } ]".formatted(aliceHash), "tokens[0].hahs",
            "unknown setting; known here: hash, name, role"),
        bad("tokens = [ %s, %s, %s ]".formatted(alice, bob, alice.replace("\"ops-alice\"", "\"ops-alice-2\"")),
            "tokens[2].hash", "same hash as tokens[0]: one token, two names"),
        bad("tokens = [ %s, %s, %s ]".formatted(alice, bob, bob.replace("role = viewer", "role = admin")),
            "tokens[2].name", "duplicate token name 'bob', already used by tokens[1]"),
        bad("token = [ %s ]".formatted(alice), "token", "unknown setting; known here: jwt, rate-limit, tokens"),
        bad("jwt = \"" + ENV_SECRET + "\"", "jwt", "must be a block { ... }"),
        bad("jwt { }", "jwt.secret",
            "missing: set secret (e.g. secret = ${?SWARM_JWT_SECRET}) or secret-file, or remove the jwt block"),
        bad("jwt.secret = \"" + SHORT_SECRET + "\"", "jwt.secret", "must be at least 32 bytes (256 bits) for HS256"),
        bad("jwt.secret = \"\"", "jwt.secret", "must be at least 32 bytes (256 bits) for HS256"),
        bad("jwt.secret = [ \"" + ENV_SECRET + "\" ]", "jwt.secret", "must be a string"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, secret-file = \"/run/secrets/jwt\" }", "jwt",
            "set secret or secret-file, not both"),
        bad("jwt.secret-file = \"/no/such/dir/jwt\"", "jwt.secret-file",
            "cannot read '/no/such/dir/jwt': no such file"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, isuer = strikeswarm }", "jwt.isuer",
            "unknown setting; known here: audience, clock-skew, issuer, secret, secret-file"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, issuer = \" \" }", "jwt.issuer",
            "must not be blank (leave it out to skip the check)"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, audience = \"\" }", "jwt.audience",
            "must not be blank (leave it out to skip the check)"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, clock-skew = 10m }", "jwt.clock-skew", "must be between 0s and 5m"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, clock-skew = -1s }", "jwt.clock-skew", "must be between 0s and 5m"),
        bad("jwt { secret = ${?SWARM_JWT_SECRET}, clock-skew = soon }", "jwt.clock-skew",
            "must be a duration such as 30s"),
        bad("rate-limit = 50", "rate-limit", "must be a block { ... }"),
        bad("rate-limit.per-second = 0", "rate-limit.per-second", "must be a number from 0.001 to 1e9"),
        bad("rate-limit.per-second = fast", "rate-limit.per-second", "must be a number from 0.001 to 1e9"),
        bad("rate-limit.burst = 0", "rate-limit.burst", "must be a whole number from 1 to 1000000"),
        bad("rate-limit.burst = 1.5", "rate-limit.burst", "must be a whole number from 1 to 1000000"),
        bad("rate-limit.burst = lots", "rate-limit.burst", "must be a whole number from 1 to 1000000"),
        bad("rate-limit.brust = 10", "rate-limit.brust", "unknown setting; known here: burst, per-second"));
  }

  private static Arguments bad(String body, String setting, String problem) {
    return Arguments.of(body, "swarm.http.auth." + setting, problem);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("badBlocks")
  @DisplayName("that cannot be used are refused with an AuthConfigError naming the setting and the problem")
  void refuseBadSettings(String body, String path, String problem) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(AuthConfigError.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.getMessage()).isEqualTo(path + ": " + problem);
        })
        .isInstanceOf(IllegalArgumentException.class)
        .hasNoCause();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badBlocks")
  @DisplayName("are refused without quoting a secret, a token or a hash")
  void refusalsQuoteNoSecret(String body, String path, String problem) {
    List<String> sensitive = List.of(ENV_SECRET, "SENTINEL", ALICE.token(), BOB.token(),
        ALICE.entry().hash().encoded().split(":")[1], ALICE.entry().hash().encoded().split(":")[2],
        BOB.entry().hash().encoded().split(":")[1], BOB.entry().hash().encoded().split(":")[2]);

    Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> read(body));

    assertThat(refusal).isInstanceOf(AuthConfigError.class);
    for (String secret : sensitive) assertThat(refusal.getMessage()).doesNotContain(secret);
  }

  @Test
  @DisplayName("refuse a secret file whose content is too short, without showing the content")
  void shortSecretFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("jwt"), SHORT_SECRET + "\n");

    assertThatThrownBy(() -> read("jwt.secret-file = \"" + file.toString().replace("\\", "\\\\") + "\""))
        .isInstanceOfSatisfying(AuthConfigError.class, e -> assertThat(e.path())
            .isEqualTo("swarm.http.auth.jwt.secret-file"))
        .hasMessageNotContaining(SHORT_SECRET)
        .hasMessageEndingWith("must be at least 32 bytes (256 bits) for HS256");
  }

  @Test
  @DisplayName("refuse a secret file that is not text, without showing the content")
  void binarySecretFile(@TempDir Path dir) throws IOException {
    byte[] binary = new byte[64];
    for (int i = 0; i < binary.length; i++) binary[i] = (byte) (0x80 + i);
    Path file = Files.write(dir.resolve("jwt.bin"), binary);

    assertThatThrownBy(() -> read("jwt.secret-file = \"" + file.toString().replace("\\", "\\\\") + "\""))
        .isInstanceOf(AuthConfigError.class)
        .hasMessageEndingWith(": not UTF-8 text");
  }
}
