package io.strikeswarm.swarm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a Prometheus scrape of a node shows for what the swarm reports through {@link KamonMetrics}. */
class KamonMetricsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private static SwarmMetrics metrics;
  private static URI endpoint;

  @BeforeAll
  static void startKamon() throws InterruptedException {
    KamonFixture.Running running = KamonFixture.start();
    metrics = running.metrics();
    endpoint = running.endpoint();
    // The first tick may come before the instruments exist: wait for one that has them.
    Scrape.await(endpoint, PATIENCE, s -> s.has("swarm_fills_total", "diamond", "amm"));
  }

  @AfterAll
  static void stopKamon() {
    KamonFixture.stop();
  }

  @Test
  void aStartedNodeExportsKamonMetricsOnItsPrometheusEndpoint() {
    assertThat(metrics).isInstanceOf(KamonMetrics.class);
    assertThat(Scrape.of(endpoint).published()).isTrue();
  }

  @Test
  void countersRiseByExactlyWhatWasRecordedAndStayThere() throws InterruptedException {
    Scrape before = Scrape.of(endpoint);
    double bars = before.value("swarm_bars_processed_total");
    double signals = before.value("swarm_signals_total", "diamond", "long-strike");
    double fills = before.value("swarm_fills_total", "diamond", "short-strike");

    metrics.barsProcessed(7);
    metrics.barsProcessed(5);
    for (int i = 0; i < 3; i++) metrics.signal("long-strike");
    metrics.order("long-strike", "entry");
    metrics.order("long-strike", "entry");
    metrics.order("long-strike", "take-profit");
    metrics.fill("short-strike");
    for (int i = 0; i < 4; i++) metrics.reject("long-strike", "daily-loss");

    Predicate<Scrape> allSeen = s -> s.value("swarm_bars_processed_total") == bars + 12
        && s.value("swarm_rejects_total", "diamond", "long-strike", "reason", "daily-loss") == 4;
    Scrape after = Scrape.await(endpoint, PATIENCE, allSeen);
    Thread.sleep(3 * KamonFixture.TICK.toMillis()); // later ticks must not count anything twice
    for (Scrape s : new Scrape[] {after, Scrape.of(endpoint)}) {
      assertThat(s.value("swarm_bars_processed_total")).isEqualTo(bars + 12);
      assertThat(s.value("swarm_signals_total", "diamond", "long-strike")).isEqualTo(signals + 3);
      assertThat(s.value("swarm_orders_total", "diamond", "long-strike", "reason", "entry")).isEqualTo(2);
      assertThat(s.value("swarm_orders_total", "diamond", "long-strike", "reason", "take-profit")).isEqualTo(1);
      assertThat(s.value("swarm_fills_total", "diamond", "short-strike")).isEqualTo(fills + 1);
      assertThat(s.value("swarm_rejects_total", "diamond", "long-strike", "reason", "daily-loss")).isEqualTo(4);
    }
  }

  @Test
  void everyDiamondHasItsSignalAndFillCountersBeforeItsFirstEvent() {
    Scrape scrape = Scrape.of(endpoint);
    for (String diamond : new String[] {"long-strike", "short-strike", "amm"}) {
      assertThat(scrape.has("swarm_signals_total", "diamond", diamond)).as(diamond).isTrue();
      assertThat(scrape.has("swarm_fills_total", "diamond", diamond)).as(diamond).isTrue();
    }
  }

  @Test
  void equityAndPnlGaugesShowTheLastReadingPerDiamondAndForTheWholeSwarm() throws InterruptedException {
    metrics.diamondEquity("long-strike", new BigDecimal("190000.00"), new BigDecimal("-10000.00"));
    metrics.diamondEquity("long-strike", new BigDecimal("201234.56"), new BigDecimal("1234.56"));
    metrics.swarmEquity(new BigDecimal("812345.67"), new BigDecimal("12345.67"));

    Scrape s = Scrape.await(endpoint, PATIENCE, x -> x.value("swarm_pnl", "diamond", "swarm") == 12345.67
        && x.value("swarm_pnl", "diamond", "long-strike") == 1234.56);
    assertThat(s.value("swarm_equity", "diamond", "long-strike")).isEqualTo(201234.56);
    assertThat(s.value("swarm_pnl", "diamond", "long-strike")).isEqualTo(1234.56);
    assertThat(s.value("swarm_equity", "diamond", "swarm")).isEqualTo(812345.67);
    assertThat(s.value("swarm_pnl", "diamond", "swarm")).isEqualTo(12345.67);
  }

  @Test
  void theTradingStateIsACodeAndAFlagPerState() throws InterruptedException {
    metrics.tradingState(TradingState.REDUCING);
    Scrape reducing = Scrape.await(endpoint, PATIENCE, s -> s.value("swarm_trading_state") == 1
        && s.value("swarm_trading_state_current", "state", "reducing") == 1);
    assertThat(reducing.value("swarm_trading_state")).isEqualTo(1);
    assertThat(reducing.value("swarm_trading_state_current", "state", "reducing")).isEqualTo(1);
    assertThat(reducing.value("swarm_trading_state_current", "state", "active")).isZero();
    assertThat(reducing.has("swarm_trading_state_current", "state", "halted")).isTrue();

    metrics.tradingState(TradingState.HALTED);
    Scrape halted = Scrape.await(endpoint, PATIENCE, s -> s.value("swarm_trading_state") == 2
        && s.value("swarm_trading_state_current", "state", "halted") == 1);
    assertThat(halted.value("swarm_trading_state")).isEqualTo(2);
    assertThat(halted.value("swarm_trading_state_current", "state", "halted")).isEqualTo(1);
    assertThat(halted.value("swarm_trading_state_current", "state", "reducing")).isZero();
  }

  @Test
  void journalCommitsAreASecondsHistogram() throws InterruptedException {
    double count = Scrape.of(endpoint).value("swarm_journal_commit_seconds_count");
    double sum = Scrape.of(endpoint).value("swarm_journal_commit_seconds_sum");
    metrics.journalCommit(3_000_000);
    metrics.journalCommit(3_000_000);
    metrics.journalCommit(40_000_000);

    Scrape s = Scrape.await(endpoint, PATIENCE, x -> x.value("swarm_journal_commit_seconds_count") == count + 3);
    assertThat(s.value("swarm_journal_commit_seconds_count")).isEqualTo(count + 3);
    // Kamon's histograms keep two significant digits.
    assertThat(s.value("swarm_journal_commit_seconds_sum") - sum).isCloseTo(0.046, within(0.0005));
    assertThat(s.value("swarm_journal_commit_seconds_bucket", "le", "0.005")).isGreaterThanOrEqualTo(2);
    assertThat(s.value("swarm_journal_commit_seconds_bucket", "le", "+Inf")).isEqualTo(count + 3);
  }

  @Test
  void httpRequestsAreTimedPerMethodRouteTemplateAndStatus() throws InterruptedException {
    for (int i = 0; i < 3; i++) metrics.httpRequest("GET", "/api/bots/{id}", 200, 20_000_000);
    metrics.httpRequest("POST", "/api/swarm/halt", 403, 1_000_000);

    String[] bots = {"method", "GET", "route", "/api/bots/{id}", "status", "200"};
    String[] halt = {"method", "POST", "route", "/api/swarm/halt", "status", "403"};
    Scrape s = Scrape.await(endpoint, PATIENCE,
        x -> x.value("http_request_seconds_count", bots) == 3 && x.value("http_request_seconds_count", halt) == 1);
    assertThat(s.value("http_request_seconds_count", bots)).isEqualTo(3);
    assertThat(s.value("http_request_seconds_sum", bots)).isCloseTo(0.060, within(0.001));
    assertThat(s.value("http_request_seconds_count", halt)).isEqualTo(1);
    assertThat(s.has("http_request_seconds_bucket", "method", "GET", "route", "/api/bots/{id}", "status", "200",
        "le", "0.025")).isTrue();
  }
}
