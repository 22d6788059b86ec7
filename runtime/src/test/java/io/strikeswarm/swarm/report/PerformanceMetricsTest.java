package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.DAY;
import static io.strikeswarm.swarm.report.Results.HOUR;
import static io.strikeswarm.swarm.report.Results.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

  private static PerformanceMetrics metrics(Results r) {
    return PerformanceMetrics.of(r.build());
  }

  @Nested
  class Returns {
    @Test
    void netPnlIsLastEquityMinusInitialCapitalAndReturnIsItsPercentage() {
      PerformanceMetrics m = metrics(new Results().capital("100").equity("110", "99", "108.9"));

      assertThat(m.netPnl()).isEqualByComparingTo("8.90");
      assertThat(m.returnPct()).isEqualByComparingTo("8.9");
      assertThat(m.finalEquity()).isEqualByComparingTo("108.90");
    }

    @Test
    void aLossIsANegativeReturn() {
      PerformanceMetrics m = metrics(new Results().capital("200000").equity("150000"));

      assertThat(m.netPnl()).isEqualByComparingTo("-50000");
      assertThat(m.returnPct()).isEqualByComparingTo("-25");
    }

    @Test
    void moneyIsRoundedToTheCentHalfEvenAndRatiosToFourDecimals() {
      PerformanceMetrics even = metrics(new Results().capital("100").equity("100.125"));
      PerformanceMetrics odd = metrics(new Results().capital("100").equity("100.135"));
      PerformanceMetrics third = metrics(new Results().capital("300").equity("301"));

      assertThat(even.netPnl()).isEqualTo(bd("0.12"));
      assertThat(odd.netPnl()).isEqualTo(bd("0.14"));
      assertThat(third.returnPct()).isEqualTo(bd("0.3333"));
    }
  }

  @Nested
  class MaxDrawdown {
    @Test
    void isTheLargestPeakToTroughFallInPercentOfThatPeak() {
      // Peaks 120 then 130; troughs 90 (-25 % of 120) and 104 (-20 % of 130).
      Results r = new Results().capital("100").equity("120", "90", "130", "104", "110");

      assertThat(metrics(r).maxDrawdownPct()).isEqualTo(bd("25.0000"));
      assertThat(Drawdowns.percent(r.initialCapital, r.equity))
          .containsExactly(bd("0.0000"), bd("25.0000"), bd("0.0000"), bd("20.0000"), bd("15.3846"));
    }

    @Test
    void countsFromTheInitialCapitalSoAFirstBarLossIsADrawdown() {
      assertThat(metrics(new Results().capital("100").equity("95", "100")).maxDrawdownPct())
          .isEqualByComparingTo("5");
    }

    @Test
    void isZeroForACurveThatNeverFallsBelowAPeak() {
      assertThat(metrics(new Results().capital("100").equity("100", "101", "101", "150")).maxDrawdownPct())
          .isEqualByComparingTo("0");
    }
  }

  @Nested
  class SharpeAndSortino {
    @Test
    void matchTheirClosedFormsOnADailyCurve() {
      // Returns +10 %, -10 %, +10 %: mean 1/30, sample sd 1/sqrt(75), downside sqrt(0.01/3), 365 steps a year.
      PerformanceMetrics m = metrics(new Results().capital("100").equityEvery(DAY, "110", "99", "108.9"));

      assertThat(m.stepsPerYear()).isEqualTo(365.0);
      assertThat(m.sharpe().doubleValue()).isCloseTo(Math.sqrt(365.0 / 12), within(0.00005));
      assertThat(m.sortino().doubleValue()).isCloseTo(Math.sqrt(365.0 / 3), within(0.00005));
      assertThat(m.sharpe()).isEqualTo(bd("5.5151"));
      assertThat(m.sortino()).isEqualTo(bd("11.0303"));
    }

    @Test
    void matchAStraightforwardDoubleComputationOnAnIrregularHourlyCurve() {
      String[] curve = {"1012.5", "1003", "1020.75", "998.2", "1001", "1040", "1033.3", "1050"};
      PerformanceMetrics m = metrics(new Results().capital("1000").equityEvery(HOUR, curve));

      double[] values = new double[curve.length + 1];
      values[0] = 1000;
      for (int i = 0; i < curve.length; i++) {
        values[i + 1] = Double.parseDouble(curve[i]);
      }
      int n = curve.length;
      double[] r = new double[n];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        r[i] = values[i + 1] / values[i] - 1;
        mean += r[i] / n;
      }
      double var = 0;
      double down = 0;
      for (double x : r) {
        var += (x - mean) * (x - mean) / (n - 1);
        down += Math.min(0, x) * Math.min(0, x) / n;
      }
      double annual = Math.sqrt(365 * 24);
      assertThat(m.sharpe().doubleValue()).isCloseTo(mean / Math.sqrt(var) * annual, within(0.00006));
      assertThat(m.sortino().doubleValue()).isCloseTo(mean / Math.sqrt(down) * annual, within(0.00006));
    }

    @Test
    void annualiseWithTheMedianStepSoADataGapDoesNotChangeTheBarSize() {
      Results regular = new Results().capital("100").equityEvery(HOUR, "101", "100", "102", "101.5", "103");
      Results gappy = new Results().capital("100").equityEvery(HOUR, "101", "100", "102", "101.5", "103");
      EquityPoint last = gappy.equity.remove(4);
      gappy.equity.add(new EquityPoint(last.timeMs() + 3 * DAY, last.equity(), Map.of(), "NORMAL"));

      assertThat(metrics(gappy).stepsPerYear()).isEqualTo(365.0 * 24);
      assertThat(metrics(gappy).sharpe()).isEqualTo(metrics(regular).sharpe());
    }

    @Test
    void scaleWithTheSquareRootOfStepsPerYear() {
      String[] curve = {"101", "100", "102", "101.5", "103"};
      PerformanceMetrics hourly = metrics(new Results().capital("100").equityEvery(HOUR, curve));
      PerformanceMetrics daily = metrics(new Results().capital("100").equityEvery(DAY, curve));

      assertThat(hourly.sharpe().doubleValue() / daily.sharpe().doubleValue()).isCloseTo(Math.sqrt(24), within(1e-4));
    }

    @Test
    void areZeroWhenUndefinedInsteadOfNaNOrInfinity() {
      // Flat: no variance and no loss. Constant +10 % a step: no variance, no loss. One point: no interval.
      for (Results r : List.of(new Results().capital("100").equity("100", "100", "100"),
          new Results().capital("100").equityEvery(DAY, "110", "121", "133.1"),
          new Results().capital("100").equity("105"))) {
        PerformanceMetrics m = metrics(r);
        assertThat(m.sharpe()).isEqualByComparingTo("0");
        assertThat(m.sortino()).isEqualByComparingTo("0");
      }
    }

    @Test
    void sortinoIsZeroWithoutALosingStepWhileSharpeIsStillDefined() {
      PerformanceMetrics m = metrics(new Results().capital("100").equityEvery(DAY, "101", "103", "103.5"));

      assertThat(m.sharpe().signum()).isPositive();
      assertThat(m.sortino()).isEqualByComparingTo("0");
    }

    @Test
    void skipAStepThatStartsFromNothingBecauseItHasNoReturn() {
      // Wiped out, then a deposit-like jump from 0: the jump is not an (infinite) return.
      Results r = new Results().capital("100").equityEvery(DAY, "50", "0", "10", "11");

      assertThat(StepReturns.of(r.initialCapital, r.equity))
          .containsExactly(bd("-0.5"), bd("-1"), bd("0.1"));
      assertThat(metrics(r).sharpe().abs()).isLessThan(bd("100"));
    }
  }

  @Nested
  class Trades {
    @Test
    void winRateIsWinnersOverAllClosedTradesAndABreakEvenTradeIsNoWin() {
      PerformanceMetrics m = metrics(new Results().tradesWithPnl("30", "-10", "20", "-5", "0"));

      assertThat(m.trades()).isEqualTo(5);
      assertThat(m.winRate()).isEqualTo(bd("0.4000"));
    }

    @Test
    void profitFactorIsGrossProfitOverGrossLoss() {
      assertThat(metrics(new Results().tradesWithPnl("30", "-10", "20", "-5", "0")).profitFactor())
          .contains(bd("3.3333"));
    }

    @Test
    void profitFactorIsAbsentWhenNoTradeLost() {
      assertThat(metrics(new Results().tradesWithPnl("30", "0", "20")).profitFactor()).isEmpty();
    }

    @Test
    void withoutTradesWinRateIsZeroAndProfitFactorAbsent() {
      PerformanceMetrics m = metrics(new Results());

      assertThat(m.trades()).isZero();
      assertThat(m.winRate()).isEqualByComparingTo("0");
      assertThat(m.profitFactor()).isEmpty();
    }

    @Test
    void feesAreEverythingTheBotsPaidNotOnlyTheClosedTradesFees() {
      Results r = new Results().bot("long-1", "long-strike", "1000", "1010", 1, 1, "1.5")
          .bot("long-2", "long-strike", "1000", "990", 0, 0, "2.25")
          .tradesWithPnl("10"); // the row's own 4.01 of fees is not added: the bots' totals already hold it

      assertThat(metrics(r).fees()).isEqualTo(bd("3.75"));
    }
  }

  @Test
  void buyAndHoldIsTheMeanReturnOfTheInstrumentsBoughtAtTheFirstAndSoldAtTheLastClose() {
    Results r = new Results();
    r.instruments.clear();
    r.instrument("BTC-USD", "100", "150").instrument("ETH-USD", "200", "150");

    assertThat(metrics(r).buyAndHoldReturnPct()).isEqualTo(bd("12.5000"));
  }

  @Test
  void botBarsPerSecondIsEvaluationsOverReplayTimeRoundedToAWholeNumber() {
    assertThat(PerformanceMetrics.botBarsPerSecond(3_000_000, 1_500_000_000L)).isEqualTo(2_000_000);
    assertThat(PerformanceMetrics.botBarsPerSecond(1000, 3_000_000_000L)).isEqualTo(333);
    assertThat(PerformanceMetrics.botBarsPerSecond(2000, 3_000_000_000L)).isEqualTo(667);
    assertThat(PerformanceMetrics.botBarsPerSecond(5, 0)).isZero();
  }

  @Test
  void countsComeFromTheResult() {
    PerformanceMetrics m = metrics(Results.swarm());

    assertThat(m.bars()).isEqualTo(10);
    assertThat(m.bots()).isEqualTo(6);
    assertThat(m.trades()).isEqualTo(8);
    assertThat(m.elapsedMs()).isEqualTo(1234);
  }

  @Nested
  class PerDiamondAndPerBot {
    @Test
    void diamondsFollowTheCurvesOrderAndSumTheirBots() {
      PerformanceMetrics m = metrics(Results.swarm());

      assertThat(m.diamonds()).extracting(DiamondMetrics::diamond).containsExactly("amm", "long-strike",
          "short-strike");
      DiamondMetrics longStrike = m.diamonds().get(1);
      assertThat(longStrike.bots()).isEqualTo(2);
      assertThat(longStrike.allocated()).isEqualTo(bd("40000.00"));
      assertThat(longStrike.pnl()).isEqualTo(bd("300.00")); // +500 - 200
      assertThat(longStrike.returnPct()).isEqualTo(bd("0.7500"));
      assertThat(longStrike.finalEquity()).isEqualTo(bd("40275.00")); // last point of the curve, not the bots' sum
      assertThat(longStrike.trades()).isEqualTo(5);
      assertThat(longStrike.winRate()).isEqualTo(bd("0.4000"));
      assertThat(longStrike.fees()).isEqualTo(bd("20.50"));
      assertThat(m.diamonds().stream().mapToInt(DiamondMetrics::trades).sum()).isEqualTo(m.trades());
    }

    @Test
    void aDiamondMissingFromTheCurveTakesItsBotsFinalEquity() {
      Results r = new Results().bot("x-1", "experimental", "500", "520", 0, 0, "0")
          .bot("x-2", "experimental", "500", "470", 0, 0, "0");

      DiamondMetrics d = metrics(r).diamonds().get(0);
      assertThat(d.diamond()).isEqualTo("experimental");
      assertThat(d.finalEquity()).isEqualTo(bd("990.00"));
      assertThat(d.pnl()).isEqualTo(bd("-10.00"));
    }

    @Test
    void eachBotReportsPnlReturnAndWinRateFromItsOwnCounts() {
      BotMetrics long1 = metrics(Results.swarm()).botMetrics().get(0);

      assertThat(long1.botId()).isEqualTo("long-1");
      assertThat(long1.pnl()).isEqualTo(bd("500.00"));
      assertThat(long1.returnPct()).isEqualTo(bd("2.5000"));
      assertThat(long1.trades()).isEqualTo(3);
      assertThat(long1.winRate()).isEqualTo(bd("0.6667"));
    }

    @Test
    void aBotGivenNothingHasAZeroReturnRatherThanADivisionByZero() {
      BotMetrics b = metrics(new Results().bot("idle", "amm", "0", "0", 0, 0, "0")).botMetrics().get(0);

      assertThat(b.returnPct()).isEqualByComparingTo("0");
      assertThat(b.winRate()).isEqualByComparingTo("0");
    }
  }

  @Test
  void isPureTheSameResultGivesEqualMetrics() {
    BacktestResult r = Results.swarm().build();

    assertThat(PerformanceMetrics.of(r)).isEqualTo(PerformanceMetrics.of(r));
  }

  @Test
  void valuesAreNeverNegativeZeroOrScientific() {
    PerformanceMetrics m = metrics(new Results().capital("1E+5").equity("100000", "100000"));

    assertThat(m.netPnl().toString()).isEqualTo("0.00");
    assertThat(m.returnPct().toString()).isEqualTo("0.0000");
    assertThat(m.maxDrawdownPct().toString()).isEqualTo("0.0000");
    assertThat(m.initialCapital().toString()).isEqualTo("100000.00");
    assertThat(BigDecimal.ZERO.compareTo(m.sharpe())).isZero();
  }
}
