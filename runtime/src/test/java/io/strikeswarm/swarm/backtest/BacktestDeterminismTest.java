package io.strikeswarm.swarm.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketDataLoader;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.ReportWriter;
import io.strikeswarm.swarm.report.TradeRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default swarm (50 bots, every strategy family, stops, targets, leverage, swarm limits) on real data: the same
 * backtest twice gives a byte-identical ledger, and the step size the replay uses does not change it; decisions made
 * on a prefix of the data stay the same when later bars are appended (no look-ahead).
 */
class BacktestDeterminismTest {
  @TempDir Path dir;

  @Test
  void theSameBacktestTwiceGivesAByteIdenticalTradeLedgerWhateverTheStepSize() throws IOException {
    List<String> data = BacktestOptions.DEFAULT_DATA;
    Path first = run(data, 2000, "first");
    Path second = run(data, 2000, "second");
    Path smallSteps = run(data, 97, "small-steps");

    byte[] ledger = Files.readAllBytes(first.resolve("trades.csv"));
    assertThat(Files.readAllLines(first.resolve("trades.csv"))).as("the default swarm trades").hasSizeGreaterThan(50);
    assertThat(Files.readAllBytes(second.resolve("trades.csv"))).isEqualTo(ledger);
    assertThat(Files.readAllBytes(smallSteps.resolve("trades.csv"))).isEqualTo(ledger);
    assertThat(Files.readAllBytes(second.resolve("equity.csv"))).isEqualTo(Files.readAllBytes(first.resolve("equity.csv")));
  }

  @Test
  void decisionsOnAPrefixDoNotChangeWhenLaterBarsAreAppended() throws IOException {
    List<Bar> bars = MarketDataLoader.load(List.of("builtin:bitstamp-btcusd-2013"), LoadOptions.defaults()).timeline();
    int cut = bars.size() * 3 / 5;
    Path full = csv(bars, "full.csv");
    Path prefix = csv(bars.subList(0, cut), "prefix.csv");
    long prefixEnd = bars.get(cut - 1).timeMs();

    List<TradeRow> fullTrades = runResult(List.of(full + "@BTC-USD"), 2000, "full").trades();
    List<TradeRow> prefixTrades = runResult(List.of(prefix + "@BTC-USD"), 2000, "prefix").trades();

    List<TradeRow> fullUpToCut = new ArrayList<>();
    for (TradeRow t : fullTrades) if (t.exitTimeMs() <= prefixEnd) fullUpToCut.add(t);
    assertThat(prefixTrades).as("trades closed within the prefix").hasSizeGreaterThan(10);
    assertThat(sorted(prefixTrades)).containsExactlyElementsOf(sorted(fullUpToCut));
    assertThat(fullTrades.size()).isGreaterThan(prefixTrades.size());
  }

  private Path run(List<String> data, int step, String name) {
    BacktestResult result = runResult(data, step, name);
    Path report = dir.resolve(name + "-report");
    ReportWriter.write(result, report);
    return report;
  }

  private BacktestResult runResult(List<String> data, int step, String name) {
    BacktestOptions options = new BacktestOptions(data, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, Optional.empty(), false, step);
    return new BacktestRunner(dir.resolve(name + "-data"), ConfigFactory.empty(), new PrintWriter(Writer.nullWriter()),
        false).run(options);
  }

  private Path csv(List<Bar> bars, String name) throws IOException {
    StringBuilder out = new StringBuilder("open_time_ms,open,high,low,close,volume\n");
    for (Bar b : bars) {
      out.append(b.timeMs() - 300_000L).append(',').append(b.open().toPlainString()).append(',')
          .append(b.high().toPlainString()).append(',').append(b.low().toPlainString()).append(',')
          .append(b.close().toPlainString()).append(',').append(b.volume().toPlainString()).append('\n');
    }
    return Files.writeString(dir.resolve(name), out);
  }

  private static List<String> sorted(List<TradeRow> trades) {
    return trades.stream().map(TradeRow::toString).sorted().toList();
  }
}
