package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill plan: repeatable from its seed, one kill in five while starting, and bars left for every later kill. */
class KillPlanTest {

  @Test
  void theSameSeedPlansTheSameKills() {
    assertThat(plan(99, 10, 580)).isEqualTo(plan(99, 10, 580));
    assertThat(plan(99, 10, 580)).isNotEqualTo(plan(100, 10, 580));
  }

  @Test
  void aboutOneKillInFiveHitsAStartingSwarmAtAMomentWithinItsStartUp() {
    KillPlan plan = new KillPlan(7);
    int starting = 0;
    for (int i = 0; i < 5_000; i++) {
      KillPlan.Point p = plan.next(10, 580, 4_000);
      if (p.phase() == KillPlan.Phase.STARTING) {
        starting++;
        assertThat(p.delayMillis()).isBetween(0L, 3_999L);
      } else {
        assertThat(p.jitterMillis()).isBetween(0, KillPlan.MAX_JITTER_MILLIS);
      }
    }
    assertThat(starting).isBetween(900, 1_100);
  }

  @Test
  void everyPlannedKillStillFindsBarsToTrade() {
    for (long seed = 0; seed < 200; seed++) {
      KillPlan plan = new KillPlan(seed);
      long left = 580;
      for (int killsLeft = 10; killsLeft >= 1; killsLeft--) {
        KillPlan.Point p = plan.next(killsLeft, left, 4_000);
        if (p.phase() == KillPlan.Phase.TRADING) {
          assertThat(p.advance()).as("seed %d", seed).isBetween(1L, Math.max(1, left - 1));
          left -= p.advance();
        }
      }
      assertThat(left).as("bars left for the final run, seed %d", seed).isPositive();
    }
  }

  @Test
  void nothingIsPlannedWithoutAKillLeft() {
    assertThatThrownBy(() -> new KillPlan(1).next(0, 10, 100)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<KillPlan.Point> plan(long seed, int kills, long bars) {
    KillPlan plan = new KillPlan(seed);
    List<KillPlan.Point> points = new ArrayList<>();
    for (int k = kills; k >= 1; k--) points.add(plan.next(k, bars, 4_000));
    return points;
  }
}
