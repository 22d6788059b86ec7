package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.capital.Rebalancer;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.List;

/** Replies of a diamond supervisor. */
public final class DiamondView {
  private DiamondView() {}

  /** The roster as persisted: books, bots and their confirmed status, operations still in flight. */
  public record Roster(DiamondKind kind, DiamondLedger ledger, List<RosterEntry> bots, int pendingOps,
      long rebalances) implements CborSerializable {}

  /** The roster's bots as they are now, asked one by one, with the diamond's totals. */
  public record Stats(DiamondKind kind, DiamondLedger ledger, List<BotView> bots, List<String> unanswered,
      BigDecimal equity, BigDecimal realizedPnl, BigDecimal unrealizedPnl) implements CborSerializable {}

  /** What a diamond gave back of what the master asked for; less when its bots could not free the rest. */
  public record Returned(DiamondKind kind, long requestId, BigDecimal asked, BigDecimal returned)
      implements CborSerializable {}

  public record RebalanceResult(DiamondKind kind, List<Rebalancer.Transfer> transfers, BigDecimal moved)
      implements CborSerializable {}
}
