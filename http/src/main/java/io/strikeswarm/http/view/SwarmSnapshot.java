package io.strikeswarm.http.view;

import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondView;
import java.util.Map;
import java.util.Optional;

/**
 * The swarm as read at one moment: the master's books and risk state, each diamond's roster and its bots' views,
 * and the feed. Immutable; the API's list endpoints and the live feed read from the latest one.
 */
public record SwarmSnapshot(long asOfMs, SwarmView swarm, Master.RiskView risk,
    Map<DiamondKind, DiamondView.Roster> rosters, Map<DiamondKind, DiamondView.Stats> stats, FeedStatus feed) {

  public Optional<BotView> bot(String botId) {
    for (DiamondView.Stats s : stats.values()) {
      for (BotView v : s.bots()) if (v.botId().equals(botId)) return Optional.of(v);
    }
    return Optional.empty();
  }

  /** Whether a bot id is on a roster (the API never asks sharding for an id it does not know: that would create it). */
  public boolean knows(String botId) {
    return DiamondKind.ofBot(botId).map(k -> rosters.get(k)).map(r -> r.bots().stream()
        .anyMatch(e -> e.botId().equals(botId))).orElse(false);
  }
}
