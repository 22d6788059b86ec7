package io.strikeswarm.swarm.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataLoader;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.TradeRow;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeExecutionModel;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The oracle: one long sma-cross 10/30 bot run through the whole swarm (master, supervisor, sharded bot, journal,
 * ledger read back from the journal) with no costs, leverage 1 and no risk layer trades exactly where ta4j's own
 * {@code BarSeriesManager} trades on the same real bars — same entry and exit bars, same prices.
 */
class BacktestOracleTest {
  private static final List<String> DATA = List.of("builtin:bitstamp-btcusd-2013");
  private static final String BAR = "5m";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(FillTiming.class)
  void oneSmaCrossBotTradesExactlyWhereTa4jsBarSeriesManagerTrades(FillTiming fill) {
    BacktestOptions options = new BacktestOptions(DATA, Optional.empty(), Optional.of(BAR), Optional.of(1),
        Optional.of(0), Optional.of(BacktestOptions.StrategyChoice.parse("sma-cross:short=10,long=30")),
        Optional.of(new BigDecimal("100000")), Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.ZERO),
        Optional.of(fill), Optional.of(BigDecimal.ONE), true, Optional.empty(), false, 2000);
    BacktestResult result = new BacktestRunner(dataDir, ConfigFactory.empty(), new PrintWriter(Writer.nullWriter()),
        false).run(options);

    List<Bar> bars = MarketDataLoader.load(DATA, new LoadOptions(Optional.of(LoadOptions.parseBar(BAR)),
        Optional.empty(), false)).timeline();
    List<String> expected = ta4jTrades(bars, fill == FillTiming.CLOSE ? new TradeOnCurrentCloseModel()
        : new TradeOnNextOpenModel(), fill);
    List<String> actual = new ArrayList<>();
    for (TradeRow t : result.trades()) {
      actual.add(t.entryTimeMs() + "@" + plain(t.entryPrice()) + " -> " + t.exitTimeMs() + "@" + plain(t.exitPrice()));
    }

    assertThat(expected).as("ta4j finds trades on this data").hasSizeGreaterThan(10);
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(result.trades()).allSatisfy(t -> {
      assertThat(t.botId()).isEqualTo("long-01");
      assertThat(t.side()).isEqualTo("LONG");
      assertThat(t.exitReason()).isEqualTo("signal");
      assertThat(t.fees()).isZero();
    });
  }

  /** ta4j's trades on a series of the same bars, each as entry time@price -> exit time@price (closed ones only). */
  private static List<String> ta4jTrades(List<Bar> bars, TradeExecutionModel model, FillTiming fill) {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    for (Bar bar : bars) {
      series.addBar(new BaseBar(Duration.ofMinutes(1), Instant.ofEpochMilli(bar.timeMs()).atZone(ZoneOffset.UTC),
          DoubleNum.valueOf(bar.open().doubleValue()), DoubleNum.valueOf(bar.high().doubleValue()),
          DoubleNum.valueOf(bar.low().doubleValue()), DoubleNum.valueOf(bar.close().doubleValue()),
          DoubleNum.valueOf(bar.volume().doubleValue()), DoubleNum.valueOf(0)));
    }
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, 10);
    SMAIndicator slow = new SMAIndicator(close, 30);
    BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
        new CrossedDownIndicatorRule(fast, slow), 30);
    TradingRecord record = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(), model).run(strategy);
    List<String> trades = new ArrayList<>();
    for (Position p : record.getPositions()) {
      Bar entry = bars.get(p.getEntry().getIndex());
      Bar exit = bars.get(p.getExit().getIndex());
      BigDecimal entryPrice = fill == FillTiming.CLOSE ? entry.close() : entry.open();
      BigDecimal exitPrice = fill == FillTiming.CLOSE ? exit.close() : exit.open();
      // ta4j prices are doubles of the same decimals: they must agree before we compare our exact ones.
      assertThat(p.getEntry().getPricePerAsset().doubleValue()).isEqualTo(entryPrice.doubleValue());
      assertThat(p.getExit().getPricePerAsset().doubleValue()).isEqualTo(exitPrice.doubleValue());
      trades.add(entry.timeMs() + "@" + plain(entryPrice) + " -> " + exit.timeMs() + "@" + plain(exitPrice));
    }
    return trades;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
