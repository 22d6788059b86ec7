package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A token hash")
class TokenHashTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TOKEN = "ssw_k3Jq0qvBPLS1QXQ1ZnWZsYpBzYk2iYbV3cLxR6aH0mE";

  @Test
  @DisplayName("matches the token it was made from, and no other")
  void matchesOnlyItsToken() {
    TokenHash hash = TokenHash.of(TOKEN, RANDOM);

    assertThat(hash.matches(TOKEN)).isTrue();
    assertThat(hash.matches(TOKEN + "x")).isFalse();
    assertThat(hash.matches(TOKEN.substring(1))).isFalse();
    assertThat(hash.matches("")).isFalse();
    assertThat(hash.matches(null)).isFalse();
  }

  @Test
  @DisplayName("is written sha256:<salt>:<digest> and parses back to a hash that matches the same token")
  void roundTripsThroughItsConfigForm() {
    TokenHash hash = TokenHash.of(TOKEN, RANDOM);
    String line = hash.encoded();

    assertThat(line).matches("sha256:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
    TokenHash parsed = TokenHash.parse(line);
    assertThat(parsed).isEqualTo(hash);
    assertThat(parsed.matches(TOKEN)).isTrue();
  }

  @Test
  @DisplayName("is SHA-256 over salt then token, so hash lines can be checked by any tool")
  void isSaltThenToken() throws Exception {
    byte[] salt = new byte[16];
    var sha256 = java.security.MessageDigest.getInstance("SHA-256");
    sha256.update(salt);
    byte[] digest = sha256.digest(TOKEN.getBytes(StandardCharsets.UTF_8));
    String line = "sha256:" + b64(salt) + ":" + b64(digest);

    assertThat(TokenHash.parse(line).matches(TOKEN)).isTrue();
  }

  @Test
  @DisplayName("of the same token twice differs, thanks to the salt, yet both match it")
  void saltsEveryHash() {
    TokenHash one = TokenHash.of(TOKEN, RANDOM);
    TokenHash two = TokenHash.of(TOKEN, RANDOM);

    assertThat(one.encoded()).isNotEqualTo(two.encoded());
    assertThat(one).isNotEqualTo(two);
    assertThat(one.matches(TOKEN) && two.matches(TOKEN)).isTrue();
  }

  @Test
  @DisplayName("refuses a token that differs only in its first or its last character")
  void refusesNearMisses() {
    TokenHash hash = TokenHash.of(TOKEN, RANDOM);
    char last = TOKEN.charAt(TOKEN.length() - 1);

    assertThat(hash.matches("t" + TOKEN.substring(1))).isFalse();
    assertThat(hash.matches(TOKEN.substring(0, TOKEN.length() - 1) + (char) (last + 1))).isFalse();
  }

  @Test
  @DisplayName("compares digests in constant time: MessageDigest.isEqual, never an early-exit comparison")
  void comparesInConstantTime() throws IOException {
    // Timing cannot be asserted reliably in a unit test; the guard is on the code instead. Every digest, MAC or key
    // comparison in this package must go through MessageDigest.isEqual (which does not stop at the first difference).
    Path sources = Path.of("src/main/java/io/strikeswarm/http/auth");
    String tokenHash = Files.readString(sources.resolve("TokenHash.java"));
    String matches = tokenHash.substring(tokenHash.indexOf("public boolean matches("));
    matches = matches.substring(0, matches.indexOf("\n  }"));

    assertThat(matches).contains("MessageDigest.isEqual(digest, ");
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file))
            .as(file.getFileName().toString())
            .doesNotContain("Arrays.equals(")
            .doesNotContain("Arrays.mismatch(")
            .doesNotContain("Arrays.compare(");
      }
    }
  }

  static Stream<Arguments> malformed() {
    String salt = b64(new byte[16]);
    String digest = b64(new byte[32]);
    return Stream.of(
        Arguments.of("", "must look like sha256:<salt base64>:<digest base64>"),
        Arguments.of("ssw_k3Jq0qvBPLS1QXQ1ZnWZsYpBzYk2iYbV3cLxR6aH0mE",
            "must look like sha256:<salt base64>:<digest base64>"),
        Arguments.of("sha1:" + salt + ":" + digest, "must look like sha256:<salt base64>:<digest base64>"),
        Arguments.of("sha256:" + salt, "must look like sha256:<salt base64>:<digest base64>"),
        Arguments.of("sha256:" + salt + ":" + digest + ":" + digest,
            "must look like sha256:<salt base64>:<digest base64>"),
        Arguments.of("sha256:not*base64:" + digest, "salt is not base64"),
        Arguments.of("sha256:" + salt + ":%%%%", "digest is not base64"),
        Arguments.of("sha256:" + b64(new byte[8]) + ":" + digest, "salt must be at least 16 bytes"),
        Arguments.of("sha256:" + salt + ":" + b64(new byte[20]), "digest must be 32 bytes (SHA-256)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("malformed")
  @DisplayName("that is malformed is refused saying what is wrong, without repeating the line")
  void refusesMalformedLines(String line, String problem) {
    assertThatThrownBy(() -> TokenHash.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(problem)
        .hasNoCause();
    for (String part : List.of(line.split(":"))) {
      if (part.length() > 6) assertThat(problem).doesNotContain(part);
    }
  }

  @Test
  @DisplayName("that is missing is refused like a malformed one")
  void refusesNull() {
    assertThatThrownBy(() -> TokenHash.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("shows neither salt nor digest in toString")
  void redactsToString() {
    TokenHash hash = TokenHash.of(TOKEN, RANDOM);
    String[] parts = hash.encoded().split(":");

    assertThat(hash.toString()).doesNotContain(parts[1]).doesNotContain(parts[2]).doesNotContain(TOKEN);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
