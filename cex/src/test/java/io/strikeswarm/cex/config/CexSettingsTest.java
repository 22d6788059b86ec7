package io.strikeswarm.cex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.cex.ids.ClientIdScheme;
import io.strikeswarm.cex.venue.CexExchanges;
import io.strikeswarm.cex.venue.CexVenue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.simulated.SimulatedExchange;

/** What cex.conf means, and the one clear error each mistake gets. */
class CexSettingsTest {
  private static final Map<String, String> KEYS = Map.of("SWARM_CEX_DEFAULT_API_KEY", "k-123456",
      "SWARM_CEX_DEFAULT_API_SECRET", "s-123456", "SWARM_CEX_DEFAULT_API_PASSPHRASE", "p-123456");

  @TempDir
  Path dir;

  private static CexSettings load(String hocon, Map<String, String> env) {
    return CexSettings.load(ConfigFactory.parseString(hocon), env);
  }

  private static void refused(String hocon, Map<String, String> env, String settingAndProblem) {
    assertThatThrownBy(() -> load(hocon, env)).isInstanceOf(CexConfigException.class)
        .hasMessageContaining(settingAndProblem);
  }

  @Test
  void the_defaults_are_paper_trading_on_the_simulated_engine_without_keys() {
    CexSettings s = load("", Map.of());

    assertThat(s.mode()).isEqualTo(TradingMode.PAPER);
    assertThat(s.exchange().isSimulated()).isTrue();
    assertThat(s.credentials()).isEmpty();
    assertThat(s.reachesRealExchange()).isFalse();
    assertThat(s.calls().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.retry().attempts()).isEqualTo(4);
  }

  @Test
  void a_real_exchange_needs_sandbox_said_explicitly() {
    refused("swarm.cex.exchange = binance", Map.of(), "swarm.cex.sandbox: required for exchange binance");
  }

  @Test
  void each_documented_exchange_resolves_to_its_xchange_class_and_client_id_scheme() {
    Map<String, String> classes = Map.of(
        "binance", "org.knowm.xchange.binance.BinanceExchange",
        "coinbase", "org.knowm.xchange.coinbasepro.CoinbaseProExchange",
        "kraken", "org.knowm.xchange.kraken.KrakenExchange",
        "okx", "org.knowm.xchange.okex.OkexExchange",
        "bybit", "org.knowm.xchange.bybit.BybitExchange",
        "simulated", "org.knowm.xchange.simulated.SimulatedExchange");
    classes.forEach((name, type) -> assertThat(load("swarm.cex { exchange = " + name + ", sandbox = false }",
        Map.of()).exchange().exchangeClass()).as(name).isEqualTo(type));
    assertThat(load("swarm.cex { exchange = coinbase, sandbox = false }", Map.of()).exchange().clientIds())
        .isEqualTo(ClientIdScheme.UUID_V5);
    assertThat(load("swarm.cex { exchange = kraken, sandbox = false }", Map.of()).exchange().clientIds())
        .isEqualTo(ClientIdScheme.INT32);
    assertThat(load("swarm.cex { exchange = okx, sandbox = true }", Map.of()).exchange().sandboxParameters())
        .contains(Map.of("simulated", "1"));
    assertThat(load("swarm.cex { exchange = binance, sandbox = true }", Map.of()).exchange().sandboxParameters())
        .contains(Map.of("Use_Sandbox", true));
  }

  @Test
  void an_exchange_without_a_sandbox_refuses_sandbox_true() {
    refused("swarm.cex { exchange = kraken, sandbox = true }", Map.of(),
        "swarm.cex.sandbox: exchange kraken has no sandbox");
  }

  @Test
  void an_explicit_class_name_is_accepted_but_only_for_production_since_its_sandbox_switch_is_unknown() {
    CexSettings s = load("swarm.cex { exchange = \"org.knowm.xchange.gateio.GateioExchange\", sandbox = false }",
        Map.of());
    assertThat(s.exchange().exchangeClass()).isEqualTo("org.knowm.xchange.gateio.GateioExchange");
    refused("swarm.cex { exchange = \"org.knowm.xchange.gateio.GateioExchange\", sandbox = true }", Map.of(),
        "has no sandbox");
  }

  @Test
  void unknown_names_and_values_are_named() {
    refused("swarm.cex.exchange = binanse", Map.of(), "swarm.cex.exchange: unknown exchange 'binanse'");
    refused("swarm.cex.mode = yolo", Map.of(), "swarm.cex.mode: 'yolo' is not paper or live");
    refused("swarm.cex.calls.threads = 0", Map.of(), "swarm.cex.calls: threads must be >= 1");
    refused("swarm.cex.retry.attempts = many", Map.of(), "swarm.cex.retry");
    refused("swarm.cex.exchanges.binance.rate-limit.burst = 0\nswarm.cex { exchange = binance, sandbox = true }",
        Map.of(), "swarm.cex.exchanges.binance.rate-limit: burst must be >= 1");
    refused("swarm.cex.account = \"a b\"", Map.of(), "swarm.cex.account");
  }

  @Test
  void live_mode_needs_keys_and_says_which_variables() {
    refused("swarm.cex { mode = live, exchange = binance, sandbox = true }", Map.of(),
        "swarm.cex.credentials: mode = live on binance needs API keys: set environment variables "
            + "SWARM_CEX_DEFAULT_API_KEY, SWARM_CEX_DEFAULT_API_SECRET");
    refused("swarm.cex { mode = live, exchange = binance, sandbox = true }",
        Map.of("SWARM_CEX_DEFAULT_API_KEY", "k-1"), "SWARM_CEX_DEFAULT_API_SECRET is not set");
  }

  @Test
  void live_mode_with_keys_reaches_the_exchange_and_passphrase_venues_need_the_passphrase() {
    CexSettings s = load("swarm.cex { mode = live, exchange = binance, sandbox = false }", KEYS);
    assertThat(s.reachesRealExchange()).isTrue();
    assertThat(s.sandbox()).isFalse();

    refused("swarm.cex { mode = live, exchange = okx, sandbox = true }",
        Map.of("SWARM_CEX_DEFAULT_API_KEY", "k-1", "SWARM_CEX_DEFAULT_API_SECRET", "s-1"),
        "okx needs an API passphrase");
  }

  @Test
  void environment_variable_names_are_configurable_and_derive_from_the_account() {
    CexSettings s = load("""
        swarm.cex { mode = live, exchange = bybit, sandbox = true, account = "desk-2"
          credentials { secret-env = MY_SECRET } }
        """, Map.of("SWARM_CEX_DESK_2_API_KEY", "k-1", "MY_SECRET", "s-1"));
    assertThat(s.credentials()).isPresent();
  }

  @Test
  void live_trading_on_the_simulated_engine_is_refused() {
    refused("swarm.cex.mode = live", KEYS, "swarm.cex.mode: live needs a real exchange");
  }

  @Test
  void a_secrets_file_that_others_can_read_is_refused() throws Exception {
    Path file = dir.resolve("binance.properties");
    Files.writeString(file, "api-key=k-file\nsecret=s-file\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String hocon = "swarm.cex { mode = live, exchange = binance, sandbox = true, credentials { source = file, "
        + "file = \"" + file + "\" } }";

    refused(hocon, Map.of(), "swarm.cex.credentials.file: " + file + " is readable or writable by every user");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(load(hocon, Map.of()).credentials().orElseThrow().apiKey().revealForSigning()).isEqualTo("k-file");
  }

  @Test
  void a_hocon_secrets_file_missing_the_secret_is_named_without_its_content() throws Exception {
    Path file = dir.resolve("okx.conf");
    Files.writeString(file, "api-key = \"k-file\"\npassphrase = \"p-file\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> load("swarm.cex { mode = live, exchange = okx, sandbox = true, credentials { "
        + "source = file, file = \"" + file + "\" } }", Map.of()))
        .hasMessageContaining("has no 'secret'").hasMessageNotContaining("k-file").hasMessageNotContaining("p-file");
  }

  @Test
  void paper_mode_never_builds_a_real_exchange_even_with_keys_and_a_production_exchange_configured() {
    CexSettings s = load("swarm.cex { mode = paper, exchange = binance, sandbox = false }", KEYS);

    assertThat(s.reachesRealExchange()).isFalse();
    assertThat(CexExchanges.exchange(s)).isInstanceOf(SimulatedExchange.class);
    try (CexVenue venue = CexExchanges.venue(s)) {
      assertThat(venue.echoesClientIds()).isFalse();
    }
  }

  @Test
  void a_live_exchange_whose_module_is_missing_names_the_maven_dependency() {
    CexSettings s = load("swarm.cex { mode = live, exchange = kraken, sandbox = false }", KEYS);

    assertThatThrownBy(() -> CexExchanges.exchange(s)).isInstanceOf(CexConfigException.class)
        .hasMessageContaining("swarm.cex.exchange: class org.knowm.xchange.kraken.KrakenExchange is not on the "
            + "classpath; add the Maven dependency org.knowm.xchange:xchange-kraken:5.2.0");
  }
}
