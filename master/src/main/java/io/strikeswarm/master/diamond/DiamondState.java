package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.diamond.DiamondSupervisor.Event;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A diamond's event-sourced state: its books, its roster, and the queue of bot operations not yet confirmed.
 */
public record DiamondState(DiamondKind kind, long fundingVersion, DiamondLedger ledger, Map<String, RosterEntry> roster,
    List<BotOp> pending, long nextOpId, long nextTransferSeq, long rebalances) implements CborSerializable {

  public DiamondState {
    roster = Collections.unmodifiableMap(new TreeMap<>(roster));
    pending = List.copyOf(pending);
  }

  public static DiamondState empty(DiamondKind kind) {
    return new DiamondState(kind, 0, DiamondLedger.empty(), Map.of(), List.of(), 1, 1, 0);
  }

  public Optional<BotOp> head() {
    return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(0));
  }

  /** The pool less what queued allocations will take from it: what new commitments may use. */
  public BigDecimal uncommittedPool() {
    BigDecimal queued = pending.stream().filter(op -> op.kind() == BotOp.Kind.ALLOCATE)
        .map(BotOp::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return ledger.pool().subtract(queued).max(BigDecimal.ZERO);
  }

  public List<RosterEntry> botsIn(BotStatus status) {
    return roster.values().stream().filter(e -> e.status() == status).toList();
  }

  public DiamondState apply(Event event) {
    if (event instanceof DiamondSupervisor.FundingSynced e) {
      return new DiamondState(kind, e.version(), ledger.funded(e.funding()), roster, pending, nextOpId,
          nextTransferSeq, rebalances);
    }
    if (event instanceof DiamondSupervisor.BotEnlisted e) {
      Map<String, RosterEntry> next = new TreeMap<>(roster);
      next.put(e.botId(), new RosterEntry(e.botId(), e.config(), BotStatus.NEW));
      return new DiamondState(kind, fundingVersion, ledger, next, pending, nextOpId, nextTransferSeq, rebalances);
    }
    if (event instanceof DiamondSupervisor.OpsScheduled e) {
      List<BotOp> queue = new ArrayList<>(pending);
      queue.addAll(e.ops());
      long maxOp = e.ops().stream().mapToLong(BotOp::opId).max().orElse(nextOpId - 1);
      long maxSeq = e.ops().stream().mapToLong(BotOp::transferSeq).max().orElse(nextTransferSeq - 1);
      return new DiamondState(kind, fundingVersion, ledger, roster, queue, Math.max(nextOpId, maxOp + 1),
          Math.max(nextTransferSeq, maxSeq + 1), rebalances + (e.rebalance() ? 1 : 0));
    }
    if (event instanceof DiamondSupervisor.OpCompleted e) {
      BotOp op = pending.get(0);
      DiamondLedger books = ledger;
      Map<String, RosterEntry> next = new TreeMap<>(roster);
      RosterEntry entry = roster.get(op.botId());
      switch (op.kind()) {
        case CONFIGURE, RESUME -> next.put(op.botId(), entry.withStatus(BotStatus.ACTIVE));
        case PAUSE -> next.put(op.botId(), entry.withStatus(BotStatus.PAUSED));
        case HALT -> next.put(op.botId(), entry.withStatus(BotStatus.HALTED));
        case ALLOCATE -> books = books.allocated(op.botId(), op.amount());
        case RELEASE -> books = books.released(op.botId(), op.amount());
        case RETIRE -> {
          books = books.retired(op.botId(), e.amount());
          next.put(op.botId(), entry.withStatus(BotStatus.RETIRED));
        }
      }
      return new DiamondState(kind, fundingVersion, books, next, pending.subList(1, pending.size()), nextOpId,
          nextTransferSeq, rebalances);
    }
    if (event instanceof DiamondSupervisor.OpFailed) {
      return new DiamondState(kind, fundingVersion, ledger, roster, pending.subList(1, pending.size()), nextOpId,
          nextTransferSeq, rebalances);
    }
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }
}
