package io.strikeswarm.master.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.TradingState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The swarm's risk state")
class SwarmRiskTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_700_006_400_000L; // 2023-11-15T00:00Z, a day boundary
  private static final RiskLimits LIMITS = RiskLimits.DEFAULT;

  @Test
  @DisplayName("a 5 % loss within a UTC day stops new entries until the next day, then lifts")
  void dailyLossReducesUntilTheNextDay() {
    SwarmRisk risk = SwarmRisk.start(big(100_000));
    risk = risk.observe(T0 + 1000, big(100_000), LIMITS).next();
    SwarmRisk.Outcome hit = risk.observe(T0 + 2000, big(94_999), LIMITS);

    assertThat(hit.next().state()).isEqualTo(TradingState.REDUCING);
    assertThat(hit.change()).hasValueSatisfying(c -> assertThat(c.reason()).contains("daily loss 5.00 %"));
    assertThat(hit.next().observe(T0 + 3000, big(94_000), LIMITS).next().state()).isEqualTo(TradingState.REDUCING);

    SwarmRisk.Outcome nextDay = hit.next().beginBar(T0 + DAY + 60_000);
    assertThat(nextDay.next().state()).isEqualTo(TradingState.ACTIVE);
    assertThat(nextDay.change()).hasValueSatisfying(c -> assertThat(c.to()).isEqualTo(TradingState.ACTIVE));
    assertThat(nextDay.next().dayStartEquity()).isEqualByComparingTo("94999");
  }

  @Test
  @DisplayName("the day's loss is measured from the last close of the previous day, not from the peak")
  void dailyReferenceIsTheOpeningEquityOfTheDay() {
    SwarmRisk risk = SwarmRisk.start(big(100_000));
    risk = risk.observe(T0 + 1000, big(97_000), LIMITS).next();
    risk = risk.observe(T0 + DAY + 1000, big(93_000), LIMITS).next();
    assertThat(risk.state()).as("4.1 %% down on the day, 7 %% from the peak").isEqualTo(TradingState.ACTIVE);
    assertThat(risk.observe(T0 + DAY + 2000, big(92_150), LIMITS).next().state()).isEqualTo(TradingState.REDUCING);
  }

  @Test
  @DisplayName("a 10 % drawdown from the peak trips the breaker; only an operator lifts it, from today's equity")
  void drawdownHaltsUntilResumed() {
    SwarmRisk risk = SwarmRisk.start(big(100_000));
    risk = risk.observe(T0 + 1000, big(120_000), LIMITS).next();
    risk = risk.observe(T0 + DAY + 1000, big(115_000), LIMITS).next();
    risk = risk.observe(T0 + 2 * DAY + 1000, big(110_000), LIMITS).next();
    SwarmRisk.Outcome hit = risk.observe(T0 + 3 * DAY + 1000, big(108_000), LIMITS);

    assertThat(hit.next().state()).isEqualTo(TradingState.HALTED);
    assertThat(hit.change().get().reason()).contains("drawdown 10.00 %");
    SwarmRisk halted = hit.next();
    assertThat(halted.beginBar(T0 + 10 * DAY).next().state()).as("a new day does not lift a halt")
        .isEqualTo(TradingState.HALTED);
    assertThat(halted.observe(T0 + 10 * DAY, big(130_000), LIMITS).next().state()).isEqualTo(TradingState.HALTED);

    SwarmRisk resumed = halted.resume(T0 + 4 * DAY).next();
    assertThat(resumed.state()).isEqualTo(TradingState.ACTIVE);
    assertThat(resumed.peakEquity()).isEqualByComparingTo("108000");
  }

  @Test
  @DisplayName("the kill switch halts from any state; limits that are off never trip")
  void killSwitchAndLimitsOff() {
    SwarmRisk risk = SwarmRisk.start(big(100_000));
    assertThat(risk.kill("operator", T0).next().state()).isEqualTo(TradingState.HALTED);
    assertThat(risk.observe(T0, big(10), RiskLimits.OFF).next().state()).isEqualTo(TradingState.ACTIVE);
  }

  @Property(tries = 300)
  @Label("on any equity path with jumps, the state follows the limits exactly at the bar that breaks them")
  void theMasterHaltsExactlyWhenALimitIsHit(@ForAll("paths") long[] moves, @ForAll @IntRange(min = 1, max = 200) int barsPerDay) {
    SwarmRisk risk = SwarmRisk.start(big(1_000_000));
    BigDecimal equity = big(1_000_000);
    BigDecimal peak = equity;
    BigDecimal dayStart = equity;
    long day = -1;
    TradingState expected = TradingState.ACTIVE;
    long step = DAY / barsPerDay;
    for (int i = 0; i < moves.length; i++) {
      long time = T0 + (i + 1) * step;
      long today = Math.floorDiv(time, DAY);
      if (today != day) {
        if (day >= 0) dayStart = equity;
        day = today;
        if (expected == TradingState.REDUCING) expected = TradingState.ACTIVE;
      }
      equity = equity.multiply(BigDecimal.valueOf(10_000 + moves[i])).divide(BigDecimal.valueOf(10_000), 8,
          RoundingMode.HALF_EVEN);
      peak = peak.max(equity);
      if (expected != TradingState.HALTED) {
        if (fallen(peak, equity).compareTo(LIMITS.maxDrawdown()) >= 0) expected = TradingState.HALTED;
        else if (expected == TradingState.ACTIVE && fallen(dayStart, equity).compareTo(LIMITS.dailyLoss()) >= 0) {
          expected = TradingState.REDUCING;
        }
      }
      risk = risk.beginBar(time).next().observe(time, equity, LIMITS).next();
      assertThat(risk.state()).as("bar %d", i).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<long[]> paths() {
    // Basis points per bar: mostly small moves, sometimes a jump of up to ±15 %.
    Arbitrary<Long> move = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(90, Arbitraries.longs().between(-60, 60)),
        net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(-1500, 1500)));
    return move.array(long[].class).ofMinSize(1).ofMaxSize(400);
  }

  private static BigDecimal fallen(BigDecimal from, BigDecimal to) {
    return from.subtract(to).divide(from, 8, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal big(long value) {
    return BigDecimal.valueOf(value);
  }
}
