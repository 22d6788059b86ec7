package io.strikeswarm.swarm.bench;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.SwarmConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bots for a benchmark, made from the configured roster so they trade what the swarm trades: bot k is a long-strike
 * bot when k is even and a short-strike bot when odd, and takes template (k / 2) mod n of its diamond, as the
 * diamonds assign templates. So the first 50 are the default swarm's 25 + 25. Each gets the capital the plan gives one
 * bot of its diamond (total × (1 − reserve) × weight / bots, down to cents: 7,600 by default).
 */
public final class BenchRoster {
  private BenchRoster() {}

  public record BenchBot(String id, BotConfig config, BigDecimal capital) {}

  public static List<BenchBot> of(SwarmConfig plan, String idPrefix, int count) {
    List<BenchBot> bots = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      DiamondKind kind = k % 2 == 0 ? DiamondKind.LONG_STRIKE : DiamondKind.SHORT_STRIKE;
      DiamondConfig diamond = plan.diamond(kind);
      if (diamond.templates().isEmpty() || diamond.bots() < 1) {
        throw new IllegalArgumentException("diamond " + kind.id() + " has no bots or templates to copy");
      }
      BotTemplate template = diamond.templates().get((k / 2) % diamond.templates().size());
      BigDecimal capital = plan.totalCapital().multiply(BigDecimal.ONE.subtract(plan.reserveRatio()))
          .multiply(diamond.weight()).divide(BigDecimal.valueOf(diamond.bots()), 2, RoundingMode.DOWN);
      bots.add(new BenchBot(String.format("%s-%s-%05d", idPrefix, kind.botPrefix(), k),
          template.toConfig(kind.side().orElseThrow()), capital));
    }
    return List.copyOf(bots);
  }
}
