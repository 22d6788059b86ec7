package io.strikeswarm.swarm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.SwarmRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperLatencyBenchmarkTest {
  @TempDir Path dir;

  /** BTC-USD 5-minute bars on a wave (so the sma-cross bots trade), ETH-USD only on every third bar time. */
  private Path market(int bars) throws IOException {
    StringBuilder csv = new StringBuilder("open_time_ms,open,high,low,close,volume,symbol\n");
    long t0 = 1_700_000_000_000L;
    for (int i = 0; i < bars; i++) {
      double btc = 30_000 + 1_500 * Math.sin(i / 4.0);
      csv.append(row(t0 + i * 300_000L, btc, "BTC-USD"));
      if (i % 3 == 0) csv.append(row(t0 + i * 300_000L, 2_000 + 50 * Math.sin(i / 3.0), "ETH-USD"));
    }
    return Files.writeString(dir.resolve("market.csv"), csv);
  }

  private static String row(long time, double close, String symbol) {
    return String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,10,%s%n", time, close, close * 1.002, close * 0.998,
        close, symbol);
  }

  @Test
  void everyBotBarIsTimedOnceAndEveryBarTimeIsOneStep() throws IOException {
    // Bot 0: long sma-cross 5/20 on BTC-USD; bot 1: short, same template; bot 2: long sma-cross 10/30 on ETH-USD.
    var options = new PaperLatencyBenchmark.Options(List.of(3, 1), 1, List.of(market(90).toString()),
        Optional.empty(), Duration.ofSeconds(30));

    List<PaperLatencyBenchmark.Result> results = PaperLatencyBenchmark.run(
        SwarmRuntime.loadConfig(dir.resolve("data"), ConfigFactory.empty()), options);

    assertThat(results).extracting(PaperLatencyBenchmark.Result::bots).containsExactly(3, 1);
    assertThat(results.get(1).botBars()).isEqualTo(90);
    PaperLatencyBenchmark.Result result = results.get(0);
    assertThat(result.barTimes()).isEqualTo(90);
    assertThat(result.botBars()).isEqualTo(90 + 90 + 30);
    assertThat(result.decision().count()).isEqualTo(result.botBars());
    assertThat(result.commit().count()).isEqualTo(result.botBars());
    assertThat(result.step().count()).isEqualTo(result.barTimes());
    assertThat(result.tradingBotBars()).isPositive().isEqualTo(result.decisionTrading().count())
        .isLessThan(result.botBars());
    assertThat(result.decision().p50()).isPositive().isLessThanOrEqualTo(result.decision().p99());
    assertThat(result.decision().p99()).isLessThanOrEqualTo(result.decision().max());
    assertThat(result.describe()).contains("decision: EvaluateBars sent -> Evaluation back")
        .contains("step: first EvaluateBars sent -> last Committed back").contains("goal p99 decision < 1 ms");
  }

  @Test
  void aSizeBelowOneIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PaperLatencyBenchmark.Options(List.of(5, 0), 0,
        List.of("builtin:bitstamp-btcusd-2013"), Optional.empty(), Duration.ofSeconds(1)));
  }

  @Test
  void aBotWhoseInstrumentIsNotInTheDataIsRefusedBeforeAnythingStarts() throws IOException {
    Path btcOnly = Files.writeString(dir.resolve("btc.csv"),
        "open_time_ms,open,high,low,close,volume,symbol\n" + row(1_700_000_000_000L, 30_000, "BTC-USD")
            + row(1_700_000_300_000L, 30_010, "BTC-USD"));
    // The roster's third bot trades ETH-USD.
    var options = new PaperLatencyBenchmark.Options(List.of(3), 0, List.of(btcOnly.toString()), Optional.empty(),
        Duration.ofSeconds(30));

    assertThatIllegalArgumentException().isThrownBy(() -> PaperLatencyBenchmark.run(
            SwarmRuntime.loadConfig(dir.resolve("data"), ConfigFactory.empty()), options))
        .withMessageContaining("trades ETH-USD");
    assertThat(dir.resolve("data")).doesNotExist();
  }
}
