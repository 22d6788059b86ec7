package io.strikeswarm.master;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.master.amm.AmmRoster;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The bots a diamond should have: ids {@code long-01..long-NN}, template i mod n for bot i; AMM bots carry the
 * roster's marker config (their chain configuration comes from the runtime).
 */
public final class RosterPlan {
  private RosterPlan() {}

  public static List<BotSpec> specs(SwarmConfig config, DiamondKind kind) {
    DiamondConfig diamond = config.diamond(kind);
    List<BotSpec> specs = new ArrayList<>();
    for (int i = 1; i <= diamond.bots(); i++) {
      if (kind == DiamondKind.AMM) {
        specs.add(new BotSpec(kind.botId(i), AmmRoster.markerConfig()));
        continue;
      }
      BotTemplate template = diamond.templates().get((i - 1) % diamond.templates().size());
      specs.add(new BotSpec(kind.botId(i), template.toConfig(kind.side().orElse(Side.LONG))));
    }
    return specs;
  }
}
