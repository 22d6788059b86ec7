package io.strikeswarm.swarm.reliability;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotState;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.MasterState;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondState;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The states a journal implies, computed the slow, obvious way: every event from the first, through the same event
 * handlers recovery uses, and no snapshot. What a recovered entity holds must equal this.
 */
public final class Replay {
  private Replay() {}

  /**
   * Each directional bot's view after all its events, as {@code GetState} would answer it. AMM bots keep a journal of
   * their own kind under the same prefix and are left out.
   */
  public static Map<String, BotView> bots(List<JournalRow> rows) {
    Map<String, BotState> states = new TreeMap<>();
    Map<String, Long> last = new TreeMap<>();
    for (JournalRow row : rows) {
      String botId = row.botId();
      if (botId == null || !(row.event() instanceof BotEntity.Event)) continue;
      states.put(botId, states.getOrDefault(botId, BotState.empty(botId)).apply((BotEntity.Event) row.event()));
      last.put(botId, row.sequenceNr());
    }
    Map<String, BotView> views = new LinkedHashMap<>();
    states.forEach((id, s) -> views.put(id, BotView.of(s, last.get(id))));
    return views;
  }

  /**
   * Where the master's and the diamonds' books, replayed, do not balance ({@code reserve + unallocated + Σ funding ==
   * total}; {@code pool + Σ allocations == funding + realized}). Empty when they balance or are not started yet.
   */
  public static List<String> unbalancedBooks(List<JournalRow> rows) {
    MasterState master = MasterState.EMPTY;
    Map<DiamondKind, DiamondState> diamonds = new LinkedHashMap<>();
    for (JournalRow row : rows) {
      if (row.persistenceId().equals(Master.PERSISTENCE_ID.id())) {
        master = master.apply((Master.Event) row.event());
        continue;
      }
      for (DiamondKind kind : DiamondKind.values()) {
        if (row.persistenceId().equals(DiamondSupervisor.persistenceId(kind).id())) {
          diamonds.put(kind, diamonds.getOrDefault(kind, DiamondState.empty(kind))
              .apply((DiamondSupervisor.Event) row.event()));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    if (master.initialized() && !master.ledger().balances()) problems.add("master: books do not balance: " + master.ledger());
    diamonds.forEach((kind, d) -> {
      if (!d.ledger().balances()) problems.add(kind.id() + ": books do not balance: " + d.ledger());
    });
    return problems;
  }
}
