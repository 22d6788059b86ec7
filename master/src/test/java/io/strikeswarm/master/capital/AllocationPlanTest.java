package io.strikeswarm.master.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.master.support.SwarmTestKit;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An operator's re-allocation, planned on the master's books: validated, targeted, given back, settled. */
@DisplayName("A re-allocation plan")
class AllocationPlanTest {

  /** 100,000, 5% reserve, weights .25/.25/.5, 4 long and 3 short bots, no AMM bots. */
  private static final SwarmConfig PLAN = SwarmTestKit.swarm("100000", "0.05", "0.25", "0.25", "0.5", 4, 3, 0);
  private static final MasterLedger OPENING = MasterLedger.initial(PLAN);

  @Nested
  @DisplayName("checks the operator's weights and reserve")
  class Validation {
    @Test
    @DisplayName("takes new weights and a new reserve, and keeps everything else of the plan")
    void newWeightsAndReserve() {
      SwarmConfig next = AllocationPlan.reallocated(PLAN, weights("0.10", "0.40", "0.50"), new BigDecimal("0.10"));

      assertThat(next.weights()).containsExactly(Map.entry(DiamondKind.LONG_STRIKE, new BigDecimal("0.10")),
          Map.entry(DiamondKind.SHORT_STRIKE, new BigDecimal("0.40")),
          Map.entry(DiamondKind.AMM, new BigDecimal("0.50")));
      assertThat(next.reserveRatio()).isEqualTo(new BigDecimal("0.10"));
      assertThat(next.totalCapital()).isEqualTo(PLAN.totalCapital());
      assertThat(next.rebalance()).isEqualTo(PLAN.rebalance());
      assertThat(next.risk()).isEqualTo(PLAN.risk());
      for (DiamondKind kind : DiamondKind.values()) {
        assertThat(next.diamond(kind).bots()).isEqualTo(PLAN.diamond(kind).bots());
        assertThat(next.diamond(kind).templates()).isEqualTo(PLAN.diamond(kind).templates());
      }
      assertThat(next.validate()).isSameAs(next);
    }

    @Test
    @DisplayName("keeps the weights of diamonds the operator does not name, and the weights when only the reserve is given")
    void partialChanges() {
      Map<DiamondKind, BigDecimal> two = new EnumMap<>(DiamondKind.class);
      two.put(DiamondKind.LONG_STRIKE, new BigDecimal("0.15"));
      two.put(DiamondKind.SHORT_STRIKE, new BigDecimal("0.35"));

      SwarmConfig moved = AllocationPlan.reallocated(PLAN, two, null);
      SwarmConfig reserveOnly = AllocationPlan.reallocated(PLAN, null, new BigDecimal("0.2"));
      SwarmConfig emptyWeights = AllocationPlan.reallocated(PLAN, Map.of(), new BigDecimal("0.2"));

      assertThat(moved.weights().get(DiamondKind.AMM)).isEqualTo(new BigDecimal("0.5"));
      assertThat(moved.reserveRatio()).isEqualTo(PLAN.reserveRatio());
      assertThat(reserveOnly.weights()).isEqualTo(PLAN.weights());
      assertThat(reserveOnly.reserveRatio()).isEqualTo(new BigDecimal("0.2"));
      assertThat(emptyWeights).isEqualTo(reserveOnly);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refusals")
    @DisplayName("refuses a bad value with a message that names the field")
    void refuses(String what, String message, Map<DiamondKind, BigDecimal> weights, BigDecimal reserve) {
      assertThatThrownBy(() -> AllocationPlan.reallocated(PLAN, weights, reserve))
          .isInstanceOf(ConfigError.class).hasMessage(message);
    }

    static Stream<Arguments> refusals() {
      Map<DiamondKind, BigDecimal> nullWeight = new HashMap<>();
      nullWeight.put(DiamondKind.SHORT_STRIKE, null);
      Map<DiamondKind, BigDecimal> nullKey = new HashMap<>();
      nullKey.put(null, BigDecimal.ONE);
      return Stream.of(
          Arguments.of("a weight above 1", "weights.long-strike: must be in [0, 1], got 1.2",
              weights("1.2", "0", "-0.2"), null),
          Arguments.of("a negative weight", "weights.amm: must be in [0, 1], got -0.1",
              weights("0.6", "0.5", "-0.1"), null),
          Arguments.of("a weight that is missing", "weights.short-strike: must be in [0, 1], got nothing",
              nullWeight, null),
          Arguments.of("weights summing to 0.9",
              "weights: must sum to 1, got 0.90 (long-strike 0.25, short-strike 0.25, amm 0.40)",
              weights("0.25", "0.25", "0.40"), null),
          Arguments.of("one weight that breaks the sum of the kept ones",
              "weights: must sum to 1, got 1.05 (long-strike 0.30, short-strike 0.25, amm 0.5)",
              Map.of(DiamondKind.LONG_STRIKE, new BigDecimal("0.30")), null),
          Arguments.of("a weight for no diamond", "weights: names no diamond (known: long-strike, short-strike, amm)",
              nullKey, null),
          Arguments.of("a negative reserve", "reserve: must be in [0, 1), got -0.1", null, new BigDecimal("-0.1")),
          Arguments.of("a reserve of everything", "reserve: must be in [0, 1), got 1", null, BigDecimal.ONE),
          Arguments.of("good weights but a bad reserve", "reserve: must be in [0, 1), got 1.5",
              weights("0.5", "0.5", "0"), new BigDecimal("1.5")),
          Arguments.of("nothing at all", "allocation: give new weights, a new reserve ratio, or both", null, null),
          Arguments.of("no weights and no reserve", "allocation: give new weights, a new reserve ratio, or both",
              Map.of(), null));
    }
  }

  @Test
  @DisplayName("aims for the books a first start with the new weights and reserve would have")
  void targetIsTheOpeningLedgerOfTheNewPlan() {
    SwarmConfig next = AllocationPlan.reallocated(PLAN, weights("0.10", "0.40", "0.50"), new BigDecimal("0.10"));

    MasterLedger target = AllocationPlan.target(next);

    assertThat(target).isEqualTo(MasterLedger.initial(next));
    assertThat(target.reserve()).isEqualTo(money("10000"));
    assertThat(target.funding()).containsExactly(Map.entry(DiamondKind.LONG_STRIKE, money("9000")),
        Map.entry(DiamondKind.SHORT_STRIKE, money("36000")), Map.entry(DiamondKind.AMM, Money.ZERO));
    assertThat(target.unallocated()).as("the AMM share, with no AMM bots").isEqualTo(money("45000"));
  }

  @Test
  @DisplayName("asks only the diamonds funded above their target to give back the excess")
  void giveBacks() {
    MasterLedger target = target("0.10", "0.40", "0.50", "0.10");

    assertThat(AllocationPlan.giveBacks(OPENING, target))
        .containsExactly(Map.entry(DiamondKind.LONG_STRIKE, money("14750")));
  }

  @Nested
  @DisplayName("settles")
  class Settling {
    @Test
    @DisplayName("exactly on the target when every diamond gave back all it was asked")
    void fullReturnsReachTheTarget() {
      MasterLedger target = target("0.10", "0.40", "0.50", "0.10");
      MasterLedger back = OPENING.returned(DiamondKind.LONG_STRIKE, money("14750"));
      assertThat(back.balances()).isTrue();

      assertThat(AllocationPlan.settle(back, target)).isEqualTo(target);
    }

    @Test
    @DisplayName("straight away when nothing has to come back: increases come from unallocated")
    void onlyIncreases() {
      MasterLedger target = target("0.25", "0.25", "0.5", "0");

      MasterLedger settled = AllocationPlan.settle(OPENING, target);

      assertThat(AllocationPlan.giveBacks(OPENING, target)).isEmpty();
      assertThat(settled).isEqualTo(target);
      assertThat(settled.funding().get(DiamondKind.LONG_STRIKE)).isEqualTo(money("25000"));
      assertThat(settled.unallocated()).isEqualTo(money("50000"));
    }

    @Test
    @DisplayName("short of capital: the reserve first, then every increase scaled alike, the rest left where it is")
    void shortReturns() {
      // No AMM share to fall back on: everything the long diamond does not return is missing from the increase.
      SwarmConfig plan = SwarmTestKit.swarm("100000", "0", "0.5", "0.5", "0", 4, 3, 0);
      MasterLedger opening = MasterLedger.initial(plan);
      MasterLedger target = MasterLedger.initial(plan.withAllocation(weights("0.2", "0.8", "0"),
          new BigDecimal("0.1")));
      assertThat(AllocationPlan.giveBacks(opening, target))
          .containsExactly(Map.entry(DiamondKind.LONG_STRIKE, money("32000")));

      MasterLedger back = opening.returned(DiamondKind.LONG_STRIKE, money("20000"));
      MasterLedger settled = AllocationPlan.settle(back, target);

      assertThat(settled.reserve()).as("the reserve is served first").isEqualTo(money("10000"));
      assertThat(settled.funding().get(DiamondKind.LONG_STRIKE)).as("keeps what it could not give back")
          .isEqualTo(money("30000"));
      assertThat(settled.funding().get(DiamondKind.SHORT_STRIKE)).as("gets what is left of its increase")
          .isEqualTo(money("60000"));
      assertThat(settled.unallocated()).isEqualTo(Money.ZERO);
      assertThat(settled.balances()).isTrue();
    }

    @Test
    @DisplayName("splits a short increase between growing diamonds in proportion, in whole cents")
    void shortIncreasesScaleAlike() {
      MasterLedger current = new MasterLedger(money("1000"), Money.ZERO, money("100.00"),
          Map.of(DiamondKind.LONG_STRIKE, money("450"), DiamondKind.SHORT_STRIKE, money("450")));
      MasterLedger target = new MasterLedger(money("1000"), Money.ZERO, Money.ZERO,
          Map.of(DiamondKind.LONG_STRIKE, money("500"), DiamondKind.SHORT_STRIKE, money("400"),
              DiamondKind.AMM, money("100")));

      MasterLedger settled = AllocationPlan.settle(current, target);

      // Wanted: long +50, AMM +100 from 100 held: each gets 100/150 of its increase.
      assertThat(settled.funding().get(DiamondKind.LONG_STRIKE)).isEqualTo(money("483.33"));
      assertThat(settled.funding().get(DiamondKind.AMM)).isEqualTo(money("66.66"));
      assertThat(settled.funding().get(DiamondKind.SHORT_STRIKE)).as("not asked, keeps its funding")
          .isEqualTo(money("450"));
      assertThat(settled.unallocated()).as("the cent the rounding left").isEqualTo(money("0.01"));
      assertThat(settled.balances()).isTrue();
    }
  }

  @Nested
  @DisplayName("reports")
  class Reporting {
    @Test
    @DisplayName("a complete re-allocation: every diamond on target, no shortfall")
    void complete() {
      MasterLedger target = target("0.10", "0.40", "0.50", "0.10");
      Reallocation r = Reallocation.start(2, OPENING, target).withReturn(DiamondKind.LONG_STRIKE, money("14750"));
      MasterLedger settled = AllocationPlan.settle(OPENING.returned(DiamondKind.LONG_STRIKE, money("14750")), target);

      AllocationResult result = AllocationPlan.result(r, settled);

      assertThat(result.complete()).isTrue();
      assertThat(result.shortfalls()).isEmpty();
      assertThat(result.ledger()).isEqualTo(target);
      assertThat(result.reserveTarget()).isEqualTo(money("10000"));
      assertThat(result.diamonds().get(DiamondKind.LONG_STRIKE)).isEqualTo(new AllocationResult.DiamondFunding(
          money("23750"), money("9000"), money("9000"), money("14750"), money("14750")));
      assertThat(result.diamonds().get(DiamondKind.SHORT_STRIKE)).isEqualTo(new AllocationResult.DiamondFunding(
          money("23750"), money("36000"), money("36000"), Money.ZERO, Money.ZERO));
    }

    @Test
    @DisplayName("a diamond that gave back less than asked, and the increase that went short for it")
    void shortfall() {
      MasterLedger target = target("0.10", "0.40", "0.50", "0.10");
      BigDecimal returned = money("4000.5");
      Reallocation r = Reallocation.start(2, OPENING, target).withReturn(DiamondKind.LONG_STRIKE, returned);
      MasterLedger settled = AllocationPlan.settle(OPENING.returned(DiamondKind.LONG_STRIKE, returned), target);

      AllocationResult result = AllocationPlan.result(r, settled);

      assertThat(result.complete()).isFalse();
      assertThat(result.diamonds().get(DiamondKind.LONG_STRIKE).actual()).isEqualTo(money("19749.5"));
      assertThat(result.shortfalls()).containsExactly(
          "long-strike: gave back 4000.50 of 14750.00 (its bots could not release the rest); funded 19749.50, "
              + "target 9000.00");
      assertThat(result.ledger().balances()).isTrue();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private static MasterLedger target(String longWeight, String shortWeight, String ammWeight, String reserve) {
    return AllocationPlan.target(AllocationPlan.reallocated(PLAN, weights(longWeight, shortWeight, ammWeight),
        new BigDecimal(reserve)));
  }

  private static Map<DiamondKind, BigDecimal> weights(String longWeight, String shortWeight, String ammWeight) {
    Map<DiamondKind, BigDecimal> w = new EnumMap<>(DiamondKind.class);
    w.put(DiamondKind.LONG_STRIKE, new BigDecimal(longWeight));
    w.put(DiamondKind.SHORT_STRIKE, new BigDecimal(shortWeight));
    w.put(DiamondKind.AMM, new BigDecimal(ammWeight));
    return w;
  }

  private static BigDecimal money(String amount) {
    return Money.of(amount);
  }
}
