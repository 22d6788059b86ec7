package io.strikeswarm.cex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A secret shows itself to the request signer only: not in strings, JSON, records or settings. */
class SecretTest {
  private static final String KEY = "AKIA-very-secret-key-123";
  private static final String SECRET = "s3cr3t-value-456";

  @Test
  void to_string_is_redacted() {
    assertThat(Secret.of(KEY).toString()).isEqualTo("<redacted>").doesNotContain(KEY);
    assertThat(Secret.of(KEY).revealForSigning()).isEqualTo(KEY);
  }

  @Test
  void json_is_redacted() throws Exception {
    assertThat(new ObjectMapper().writeValueAsString(Map.of("key", Secret.of(KEY))))
        .isEqualTo("{\"key\":\"<redacted>\"}");
  }

  @Test
  void records_holding_secrets_print_redacted() {
    ApiCredentials keys = new ApiCredentials(Secret.of(KEY), Secret.of(SECRET), Optional.of(Secret.of("pass-789")));

    assertThat(keys.toString()).doesNotContain(KEY, SECRET, "pass-789").contains("<redacted>");
  }

  @Test
  void settings_and_their_description_never_show_the_keys() {
    CexSettings settings = CexSettings.load(ConfigFactory.parseString("""
        swarm.cex { mode = live, exchange = binance, sandbox = true, account = main }
        """), Map.of("SWARM_CEX_MAIN_API_KEY", KEY, "SWARM_CEX_MAIN_API_SECRET", SECRET));

    assertThat(settings.toString()).doesNotContain(KEY, SECRET);
    assertThat(settings.describe()).doesNotContain(KEY, SECRET).contains(Secret.of(KEY).fingerprint());
    assertThat(settings.limiterKey()).doesNotContain(KEY);
  }

  @Test
  void the_fingerprint_tells_keys_apart_without_revealing_them() {
    assertThat(Secret.of(KEY).fingerprint()).hasSize(12).isNotEqualTo(Secret.of(SECRET).fingerprint())
        .isEqualTo(Secret.of(KEY).fingerprint());
    assertThat(KEY).doesNotContain(Secret.of(KEY).fingerprint());
  }

  @Test
  void an_empty_secret_is_refused() {
    assertThatThrownBy(() -> Secret.of(" ")).hasMessage("a secret must not be empty");
  }
}
