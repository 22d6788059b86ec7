package io.strikeswarm.master.capital;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.master.capital.ReleasePlan.Holding;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a shrinking diamond takes capital back from its bots. */
@DisplayName("A release plan")
class ReleasePlanTest {

  @Test
  @DisplayName("takes from each bot in proportion to its allocation")
  void proportional() {
    Map<String, BigDecimal> plan = ReleasePlan.plan(money("3000"), List.of(
        bot("long-01", "10000", "10000"), bot("long-02", "20000", "20000")));

    assertThat(plan).containsExactly(Map.entry("long-01", money("1000")), Map.entry("long-02", money("2000")));
  }

  @Test
  @DisplayName("never asks a bot for more than it can release; the others make up its part in the same proportions")
  void capped() {
    Map<String, BigDecimal> plan = ReleasePlan.plan(money("6000"), List.of(
        bot("long-01", "10000", "500"), bot("long-02", "10000", "10000"), bot("long-03", "20000", "20000")));

    assertThat(plan).containsExactly(Map.entry("long-01", money("500")), Map.entry("long-02", money("1833.33")),
        Map.entry("long-03", money("3666.67")));
    assertThat(sum(plan)).isEqualTo(money("6000"));
  }

  @Test
  @DisplayName("takes everything the bots can release when that is less than needed")
  void notEnough() {
    Map<String, BigDecimal> plan = ReleasePlan.plan(money("10000"), List.of(
        bot("long-01", "5000", "1234.567"), bot("long-02", "5000", "2000")));

    assertThat(plan).as("whole cents only").containsExactly(Map.entry("long-01", money("1234.56")),
        Map.entry("long-02", money("2000")));
  }

  @Test
  @DisplayName("hands the cents an even split leaves over to the bots it shorted most, so the total is exact")
  void leftoverCents() {
    Map<String, BigDecimal> plan = ReleasePlan.plan(money("100"), List.of(
        bot("long-01", "100", "100"), bot("long-02", "100", "100"), bot("long-03", "100", "100")));

    assertThat(plan).containsExactly(Map.entry("long-01", money("33.34")), Map.entry("long-02", money("33.33")),
        Map.entry("long-03", money("33.33")));
  }

  @Test
  @DisplayName("leaves out bots with no allocation or nothing to release, and asks nothing when nothing is needed")
  void leavesOut() {
    List<Holding> bots = List.of(bot("long-01", "0", "500"), bot("long-02", "1000", "0"),
        bot("long-03", "1000", "1000"));

    assertThat(ReleasePlan.plan(money("300"), bots)).containsExactly(Map.entry("long-03", money("300")));
    assertThat(ReleasePlan.plan(Money.ZERO, bots)).isEmpty();
    assertThat(ReleasePlan.plan(money("300"), List.of())).isEmpty();
  }

  private static Holding bot(String id, String allocation, String releasable) {
    return new Holding(id, money(allocation), money(releasable));
  }

  private static BigDecimal sum(Map<String, BigDecimal> plan) {
    return Money.normalize(plan.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static BigDecimal money(String amount) {
    return Money.of(amount);
  }
}
