package io.strikeswarm.bots.strategy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/** Bars for strategy tests: hand-made or random, plain or mirrored, and the ta4j series bots keep them in. */
final class Bars {
  private static final ZonedDateTime T0 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private Bars() {}

  record Ohlc(double open, double high, double low, double close) {
    static Ohlc flat(double price) {
      return new Ohlc(price, price, price, price);
    }

    /** Open at the close, as the bar that moved the market there. */
    static Ohlc hlc(double high, double low, double close) {
      return new Ohlc(close, high, low, close);
    }

    /** The bar upside down around {@code level}: highs become lows, rises become falls. */
    Ohlc mirrored(double level) {
      return new Ohlc(2 * level - open, 2 * level - low, 2 * level - high, 2 * level - close);
    }
  }

  /** One bar per close, with no range: open = high = low = close. */
  static List<Ohlc> closes(double... closes) {
    return Arrays.stream(closes).mapToObj(Ohlc::flat).toList();
  }

  static List<Ohlc> mirrored(List<Ohlc> bars, double level) {
    return bars.stream().map(b -> b.mirrored(level)).collect(Collectors.toList());
  }

  /** An empty series as a bot builds it: doubles, at most {@code maxBarCount} bars kept. */
  static BarSeries bounded(int maxBarCount) {
    return bounded(DoubleNum.class, maxBarCount);
  }

  static BarSeries bounded(Class<? extends Num> numType, int maxBarCount) {
    return new BaseBarSeriesBuilder().withNumTypeOf(numType).withMaxBarCount(maxBarCount).build();
  }

  /** An empty series that keeps every bar, as a backtest would. */
  static BarSeries unbounded() {
    return unbounded(DoubleNum.class);
  }

  static BarSeries unbounded(Class<? extends Num> numType) {
    return new BaseBarSeriesBuilder().withNumTypeOf(numType).build();
  }

  /** Appends the bar one minute after the last one. */
  static void append(BarSeries series, Ohlc bar) {
    ZonedDateTime end = T0.plusMinutes(series.getEndIndex() + 2L);
    series.addBar(end, bar.open(), bar.high(), bar.low(), bar.close(), 1);
  }

  static BarSeries seriesOf(List<Ohlc> bars) {
    return seriesOf(bars, unbounded());
  }

  static BarSeries seriesOf(List<Ohlc> bars, BarSeries empty) {
    bars.forEach(bar -> append(empty, bar));
    return empty;
  }

  /**
   * Closes of a quiet market quoted in cents, as real prices are: a random walk from 100.00 moving a Gaussian
   * {@code sigmaCents} a bar, rounded to the cent, never below 1.00. Two averages of such prices are now and then
   * exactly equal.
   */
  static List<Ohlc> centWalk(long seed, int count, double sigmaCents) {
    SplittableRandom random = new SplittableRandom(seed);
    Ohlc[] bars = new Ohlc[count];
    long cents = 100_00;
    for (int i = 0; i < count; i++) {
      cents = Math.max(100, cents + Math.round(sigmaCents * gaussian(random)));
      // The double nearest to the cent amount; DecimalNum reads it back as exactly that many cents.
      bars[i] = Ohlc.flat(cents / 100.0);
    }
    return List.of(bars);
  }

  /**
   * A random market: a geometric random walk whose volatility and drift switch regime every few hundred bars,
   * from dead calm (0.05% a bar) to stormy (3%), so that every strategy sees long stretches with no signal as
   * well as bursts of them. Prices are full doubles: two averages are never exactly equal by construction.
   */
  static List<Ohlc> randomWalk(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] volatilities = {0.0005, 0.002, 0.01, 0.03};
    Ohlc[] bars = new Ohlc[count];
    double close = 100;
    double volatility = 0.002;
    double drift = 0;
    for (int i = 0; i < count; i++) {
      if (random.nextInt(400) == 0) {
        volatility = volatilities[random.nextInt(volatilities.length)];
        drift = (random.nextDouble() - 0.5) * volatility;
      }
      double open = close;
      close = open * Math.exp(drift + volatility * gaussian(random));
      double high = Math.max(open, close) * (1 + volatility * Math.abs(gaussian(random)) / 2);
      double low = Math.min(open, close) * (1 - volatility * Math.abs(gaussian(random)) / 2);
      bars[i] = new Ohlc(open, high, low, close);
    }
    return List.of(bars);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
