package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.BotLoop.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.strategy.Bars.Ohlc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.BooleanRule;

/** What every strategy in the catalog promises, whatever its parameters, on random markets. */
class StrategyPropertiesTest {

  // ---- no look-ahead ---------------------------------------------------------------------------------------------

  @Property(tries = 60)
  void appendingBarsNeverChangesAnEarlierAnswer(@ForAll("strategies") Strategy strategy, @ForAll long seed) {
    assertNoLookAhead(strategy, Bars.randomWalk(seed, 300), seed);
  }

  @Example
  void theLookAheadCheckCatchesARuleThatPeeksAtTheNextBar() {
    // Entry "the next close is higher", clamped to the last bar so that it does not simply throw on a short series.
    Strategy peeking = new FixedStrategy(series -> {
      ClosePriceIndicator close = new ClosePriceIndicator(series);
      Rule nextIsHigher = (index, record) -> close.getValue(Math.min(index + 1, series.getEndIndex()))
          .isGreaterThan(close.getValue(index));
      return new Strategy.Rules(nextIsHigher, BooleanRule.FALSE);
    });
    assertThatThrownBy(() -> assertNoLookAhead(peeking, Bars.randomWalk(7, 300), 7)).isInstanceOf(AssertionError.class);
  }

  /** Entry and exit as the rules answer them at every index of a series of the first n + 1 bars, and of all. */
  private static void assertNoLookAhead(Strategy strategy, List<Ohlc> bars, long seed) {
    List<String> full = answers(strategy, Bars.seriesOf(bars));
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, strategy.unstableBars(), strategy.unstableBars() + 1));
    for (int i = 0; i < 4; i++) cuts.add(random.nextInt(bars.size()));
    for (int n : cuts) {
      assertThat(answers(strategy, Bars.seriesOf(bars.subList(0, n + 1))))
          .as("answers on the first %d bars", n + 1)
          .isEqualTo(full.subList(0, n + 1));
    }
  }

  /** "entry exit" at each index, asked in index order, e.g. "12: true false". */
  private static List<String> answers(Strategy strategy, BarSeries series) {
    Strategy.Rules rules = strategy.rules(series);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i <= series.getEndIndex(); i++) {
      answers.add(i + ": " + rules.entry().isSatisfied(i) + " " + rules.exit().isSatisfied(i));
    }
    return answers;
  }

  // ---- a bounded series is the full history ---------------------------------------------------------------------

  /** As bots size their series: at least 500 bars and at least four times the strategy's unstable bars. */
  @Property(tries = 40)
  void aBotOnABoundedSeriesTradesAsOnTheWholeHistory(@ForAll("longWindowed") Strategy strategy, @ForAll long seed) {
    List<Ohlc> bars = Bars.randomWalk(seed, 3000);
    int maxBarCount = Math.max(500, 4 * strategy.unstableBars());
    assertThat(trades(strategy, bars, Bars.bounded(maxBarCount))).isEqualTo(trades(strategy, bars, Bars.unbounded()));
  }

  @Example
  void everyCatalogStrategyWithItsDefaultsTradesOnA500BarSeriesAsOnTheWholeHistory() {
    List<Ohlc> bars = Bars.randomWalk(20240601, 6000);
    for (String name : StrategyCatalog.names()) {
      for (Side side : Side.values()) {
        Strategy strategy = StrategyCatalog.create(name, Map.of(), side);
        List<BotLoop.Trade> full = trades(strategy, bars, Bars.unbounded());
        assertThat(full).as("%s %s trades", name, side).hasSizeGreaterThan(10);
        assertThat(trades(strategy, bars, Bars.bounded(500))).as("%s %s", name, side).isEqualTo(full);
      }
    }
  }

  /**
   * Long recursive averages on markets where a bot on a bounded series did trade differently from the whole history
   * while only the rule being asked evaluated its indicators (found by searching seeds; each case failed before
   * the rules kept their recursive indicators asked every bar — see {@link KeepCurrent}).
   */
  @Example
  void longRecursiveAveragesThatGoUnaskedForLongStretchesStillTradeAsOnTheWholeHistory() {
    record Case(Strategy strategy, long seed) {}
    List<Case> cases = List.of(
        new Case(new MomentumStrategy(12, 1.0, 125, Side.LONG), 10),
        new Case(new MeanReversionStrategy(20, 2.5, 100, 40, 60, Side.SHORT), 45),
        new Case(new MeanReversionStrategy(30, 2.0, 120, 45, 55, Side.LONG), 42),
        new Case(new BreakoutStrategy(50, 20, 120, 1.0, Side.SHORT), 30));
    for (Case c : cases) {
      List<Ohlc> bars = Bars.randomWalk(c.seed(), 3000);
      List<BotLoop.Trade> full = trades(c.strategy(), bars, Bars.unbounded());
      assertThat(full).as("%s trades", c.strategy()).isNotEmpty();
      assertThat(trades(c.strategy(), bars, Bars.bounded(Math.max(500, 4 * c.strategy().unstableBars()))))
          .as("%s on seed %d", c.strategy(), c.seed()).isEqualTo(full);
    }
  }

  /**
   * Why {@link KeepCurrent} exists: ta4j's EMA on a bounded series, left unasked for longer than the series holds,
   * restarts from the oldest bar still held. The rules keep it asked every bar.
   */
  @Example
  void anEmaLeftUnaskedLongerThanTheSeriesHoldsIsRebuiltFromTheOldestBarHeld() {
    List<Ohlc> bars = Bars.randomWalk(3, 1200);
    BarSeries bounded = Bars.bounded(500);
    BarSeries full = Bars.unbounded();
    EMAIndicator boundedEma = new EMAIndicator(new ClosePriceIndicator(bounded), 50);
    EMAIndicator fullEma = new EMAIndicator(new ClosePriceIndicator(full), 50);
    for (int i = 0; i < bars.size(); i++) {
      Bars.append(bounded, bars.get(i));
      Bars.append(full, bars.get(i));
      if (i < 100) assertThat(boundedEma.getValue(i)).isEqualTo(fullEma.getValue(i));
    }
    int last = full.getEndIndex();
    assertThat(boundedEma.getValue(last).doubleValue()).isNotEqualTo(fullEma.getValue(last).doubleValue());
  }

  // ---- the short side mirrors the long one ----------------------------------------------------------------------

  @Property(tries = 60)
  void onAMirroredMarketEachSideTradesAsTheOtherSideOnTheOriginal(@ForAll("mirrorable") Strategy strategy,
      @ForAll long seed) {
    List<Ohlc> bars = Bars.randomWalk(seed, 600);
    // Mirror above the highest high, so every mirrored price stays positive.
    double level = bars.stream().mapToDouble(Ohlc::high).max().orElseThrow();
    List<Ohlc> mirrored = Bars.mirrored(bars, level);
    Strategy longSide = onSide(strategy, Side.LONG);
    Strategy shortSide = onSide(strategy, Side.SHORT);
    assertThat(trades(shortSide, mirrored)).isEqualTo(trades(longSide, bars));
    assertThat(trades(longSide, mirrored)).isEqualTo(trades(shortSide, bars));
  }

  private static Strategy onSide(Strategy strategy, Side side) {
    return StrategyCatalog.create(strategy.name(), strategy.parameters(), side);
  }

  // ---- generators ----------------------------------------------------------------------------------------------

  /** Any catalog strategy on either side, windows small enough that 500 bars are four times its unstable bars. */
  @Provide
  Arbitrary<Strategy> strategies() {
    return Combinators.combine(mirrorable(), Arbitraries.of(Side.class)).as(StrategyPropertiesTest::onSide);
  }

  /**
   * Long-side strategies whose rules are exact mirror images of their short side. Momentum only with threshold 0:
   * ROC is relative to the older close, so a rise of x% mirrors into a fall of a different size, and only the sign
   * is symmetric. Mean reversion with oversold = 100 - overbought: mirroring turns RSI r into 100 - r; and with a
   * period of at least 3, because over two closes the band at k = 1 is exactly the lower of the two, and whether a
   * close is below it is then decided by rounding, differently on the mirror.
   */
  @Provide
  Arbitrary<Strategy> mirrorable() {
    Side side = Side.LONG;
    Arbitrary<Strategy> smaCross = Combinators.combine(windows(1, 20), windows(1, 30))
        .as((shortWindow, longer) -> new SmaCrossStrategy(shortWindow, shortWindow + longer, side));
    Arbitrary<Strategy> momentum = Combinators.combine(windows(1, 30), windows(2, 60))
        .as((roc, trend) -> new MomentumStrategy(roc, 0, trend, side));
    Arbitrary<Strategy> meanReversion = Combinators.combine(windows(3, 30), decimals(0.5, 3), windows(1, 20),
        decimals(5, 45))
        .as((period, k, rsi, oversold) -> new MeanReversionStrategy(period, k, rsi, oversold, 100 - oversold, side));
    Arbitrary<Strategy> breakout = Combinators.combine(windows(2, 25), windows(1, 25), windows(1, 20),
        decimals(0.5, 1.5))
        .as((entry, exit, atr, expansion) -> new BreakoutStrategy(entry, exit, atr, expansion, side));
    return Arbitraries.oneOf(smaCross, momentum, meanReversion, breakout);
  }

  /**
   * Strategies with windows up to 200 bars, on either side: the long recursive averages (a Wilder average over n
   * bars forgets only a factor e^-4 of its past in 4n bars) are where a gap in the chain would show.
   */
  @Provide
  Arbitrary<Strategy> longWindowed() {
    Side side = Side.LONG;
    Arbitrary<Strategy> smaCross = Combinators.combine(windows(1, 100), windows(1, 100))
        .as((shortWindow, longer) -> new SmaCrossStrategy(shortWindow, shortWindow + longer, side));
    Arbitrary<Strategy> momentum = Combinators.combine(windows(1, 200), decimals(0, 5), windows(2, 200))
        .as((roc, threshold, trend) -> new MomentumStrategy(roc, threshold, trend, side));
    Arbitrary<Strategy> meanReversion = Combinators.combine(windows(3, 200), decimals(0.5, 3.5), windows(1, 200),
        decimals(5, 45), decimals(55, 95))
        .as((period, k, rsi, oversold, overbought) -> new MeanReversionStrategy(period, k, rsi, oversold, overbought,
            side));
    Arbitrary<Strategy> breakout = Combinators.combine(windows(2, 100), windows(1, 100), windows(1, 200),
        decimals(0.5, 2))
        .as((entry, exit, atr, expansion) -> new BreakoutStrategy(entry, exit, atr, expansion, side));
    return Combinators.combine(Arbitraries.oneOf(smaCross, momentum, meanReversion, breakout),
        Arbitraries.of(Side.class)).as(StrategyPropertiesTest::onSide);
  }

  private static Arbitrary<Integer> windows(int min, int max) {
    return Arbitraries.integers().between(min, max);
  }

  private static Arbitrary<Double> decimals(double min, double max) {
    return Arbitraries.doubles().between(min, max).ofScale(2);
  }

  /** A test-only strategy with rules from a function and no unstable bars. */
  private record FixedStrategy(Function<BarSeries, Rules> build) implements Strategy {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public Map<String, String> parameters() {
      return Map.of();
    }

    @Override
    public Side side() {
      return Side.LONG;
    }

    @Override
    public int unstableBars() {
      return 0;
    }

    @Override
    public Rules rules(BarSeries series) {
      return build.apply(series);
    }
  }
}
