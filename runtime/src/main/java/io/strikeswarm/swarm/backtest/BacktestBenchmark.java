package io.strikeswarm.swarm.backtest;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketDataLoader;
import io.strikeswarm.swarm.report.BacktestResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Bot-bar evaluations per second: the default swarm and one sma-cross bot through the whole swarm path (master,
 * sharded bots, lockstep, journal), beside ta4j's own BarSeriesManager loop with the same strategy on the same bars,
 * in the same run. Medians of {@code runs} runs; prints a table.
 */
public final class BacktestBenchmark {
  private BacktestBenchmark() {}

  public static void run(Path dataDirectory, List<String> data, Optional<String> bar, int runs, PrintWriter out) {
    // The one-bot and ta4j rows trade the first data set's first instrument (the one-bot backtest gets only that set).
    List<Bar> all = MarketDataLoader.load(List.of(data.get(0)),
        new LoadOptions(bar.map(LoadOptions::parseBar), Optional.empty(), false)).timeline();
    String first = all.get(0).instrument();
    List<Bar> bars = all.stream().filter(b -> b.instrument().equals(first)).toList();
    out.printf(Locale.ROOT, "data: %s (%s; %,d bars of %s for the one-bot and ta4j rows)%n", String.join(" ", data),
        bar.orElse("native bars"), bars.size(), first);
    out.printf(Locale.ROOT, "runs: %d (median)%n%n", runs);

    List<Double> swarm = new ArrayList<>();
    List<Double> swarmTrades = new ArrayList<>();
    List<Double> oneBot = new ArrayList<>();
    List<Double> ta4jDecimal = new ArrayList<>();
    List<Double> ta4jDouble = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      BacktestResult s = backtest(dataDirectory, data, bar, Optional.empty(), Optional.empty(), false);
      swarm.add(rate(s));
      swarmTrades.add((double) s.trades().size());
      BacktestResult one = backtest(dataDirectory, List.of(data.get(0)), bar, Optional.of(1),
          Optional.of(BacktestOptions.StrategyChoice.parse("sma-cross:short=10,long=30")), true);
      oneBot.add(rate(one));
      ta4jDecimal.add(ta4jRate(bars, DecimalNum::valueOf, DecimalNum.class));
      ta4jDouble.add(ta4jRate(bars, n -> DoubleNum.valueOf(n.doubleValue()), DoubleNum.class));
    }
    double oneBotMedian = median(oneBot);
    double decimalMedian = median(ta4jDecimal);
    out.printf(Locale.ROOT, "%-58s %15s%n", "measure", "bot-bars/s");
    out.printf(Locale.ROOT, "%-58s %,15.0f%n", "default swarm (50 bots, 4 strategy families, full risk layer)", median(swarm));
    out.printf(Locale.ROOT, "%-58s %,15.0f%n", "one bot: sma-cross 10/30, risk none (whole swarm path)", oneBotMedian);
    out.printf(Locale.ROOT, "%-58s %,15.0f%n", "ta4j BarSeriesManager, same strategy, DecimalNum", decimalMedian);
    out.printf(Locale.ROOT, "%-58s %,15.0f%n", "ta4j BarSeriesManager, same strategy, DoubleNum", median(ta4jDouble));
    out.printf(Locale.ROOT, "%n one bot / ta4j (DecimalNum, the Num the bots use): %.2f%n", oneBotMedian / decimalMedian);
    out.printf(Locale.ROOT, " swarm trades per run: %.0f%n", median(swarmTrades));
    out.flush();
  }

  private static BacktestResult backtest(Path dataDirectory, List<String> data, Optional<String> bar,
      Optional<Integer> longBots, Optional<BacktestOptions.StrategyChoice> strategy, boolean riskOff) {
    BacktestOptions options = new BacktestOptions(data, Optional.empty(), bar, longBots,
        longBots.isPresent() ? Optional.of(0) : Optional.empty(), strategy, Optional.empty(),
        riskOff ? Optional.of(BigDecimal.ZERO) : Optional.empty(), riskOff ? Optional.of(BigDecimal.ZERO) : Optional.empty(),
        riskOff ? Optional.of(FillTiming.CLOSE) : Optional.empty(), riskOff ? Optional.of(BigDecimal.ONE) : Optional.empty(),
        riskOff, Optional.empty(), false, 2000);
    return new BacktestRunner(dataDirectory, ConfigFactory.empty(), new PrintWriter(Writer.nullWriter()), false)
        .run(options);
  }

  private static double rate(BacktestResult r) {
    return r.botBars() / (r.replayNanos() / 1e9);
  }

  /** ta4j's loop alone: the series is built first (not timed), then BarSeriesManager.run is timed. */
  private static double ta4jRate(List<Bar> bars, Function<java.math.BigDecimal, Num> num, Class<? extends Num> type) {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(type).build();
    for (Bar b : bars) {
      series.addBar(new BaseBar(Duration.ofMinutes(1), Instant.ofEpochMilli(b.timeMs()).atZone(ZoneOffset.UTC),
          num.apply(b.open()), num.apply(b.high()), num.apply(b.low()), num.apply(b.close()), num.apply(b.volume()),
          num.apply(BigDecimal.ZERO)));
    }
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, 10);
    SMAIndicator slow = new SMAIndicator(close, 30);
    BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
        new CrossedDownIndicatorRule(fast, slow), 30);
    long start = System.nanoTime();
    new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(), new TradeOnCurrentCloseModel()).run(strategy);
    return bars.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
