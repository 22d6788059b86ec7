package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
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
 * A diamond's event-sourced state: its books, its roster, the queue of bot operations not yet confirmed, and the
 * master's latest request to give funding back ({@code null} if there never was one).
 */
public record DiamondState(DiamondKind kind, long fundingVersion, DiamondLedger ledger, Map<String, RosterEntry> roster,
    List<BotOp> pending, long nextOpId, long nextTransferSeq, long rebalances, GiveBack giveBack)
    implements CborSerializable {

  public DiamondState {
    roster = Collections.unmodifiableMap(new TreeMap<>(roster));
    pending = List.copyOf(pending);
  }

  public static DiamondState empty(DiamondKind kind) {
    return new DiamondState(kind, 0, DiamondLedger.empty(), Map.of(), List.of(), 1, 1, 0, null);
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

  /** A give-back that has not returned its capital yet. */
  public boolean givingBack() {
    return giveBack != null && !giveBack.done();
  }

  /**
   * The config a bot will have once its queued operations are through: the last queued PARAMETERS change, else
   * the roster's. A new change is merged over this, so two changes in quick succession both take effect.
   */
  public BotConfig latestConfig(String botId) {
    BotConfig config = roster.get(botId).config();
    for (BotOp op : pending) {
      if (op.botId().equals(botId) && op.kind() == BotOp.Kind.PARAMETERS) config = op.config();
    }
    return config;
  }

  public boolean queued(String botId, BotOp.Kind kind) {
    return pending.stream().anyMatch(op -> op.botId().equals(botId) && op.kind() == kind);
  }

  public DiamondState apply(Event event) {
    if (event instanceof DiamondSupervisor.FundingSynced e) {
      return new DiamondState(kind, e.version(), ledger.funded(e.funding()), roster, pending, nextOpId,
          nextTransferSeq, rebalances, giveBack);
    }
    if (event instanceof DiamondSupervisor.BotEnlisted e) {
      Map<String, RosterEntry> next = new TreeMap<>(roster);
      next.put(e.botId(), new RosterEntry(e.botId(), e.config(), BotStatus.NEW));
      return new DiamondState(kind, fundingVersion, ledger, next, pending, nextOpId, nextTransferSeq, rebalances,
          giveBack);
    }
    if (event instanceof DiamondSupervisor.OpsScheduled e) {
      return enqueue(e.ops(), e.rebalance(), giveBack);
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
        case PARAMETERS -> next.put(op.botId(), entry.withConfig(op.config()));
      }
      return new DiamondState(kind, fundingVersion, books, next, pending.subList(1, pending.size()), nextOpId,
          nextTransferSeq, rebalances, giveBack);
    }
    if (event instanceof DiamondSupervisor.OpFailed) {
      return new DiamondState(kind, fundingVersion, ledger, roster, pending.subList(1, pending.size()), nextOpId,
          nextTransferSeq, rebalances, giveBack);
    }
    if (event instanceof DiamondSupervisor.GiveBackRequested e) {
      return new DiamondState(kind, fundingVersion, ledger, roster, pending, nextOpId, nextTransferSeq, rebalances,
          new GiveBack(e.requestId(), e.amount(), false, null));
    }
    if (event instanceof DiamondSupervisor.GiveBackReleasing e) {
      return enqueue(e.releases(), false, new GiveBack(giveBack.requestId(), giveBack.asked(), true, null));
    }
    if (event instanceof DiamondSupervisor.GiveBackCompleted e) {
      // The capital leaves the pool and the funding together, so the books still balance.
      return new DiamondState(kind, fundingVersion, ledger.funded(ledger.funding().subtract(e.returned())), roster,
          pending, nextOpId, nextTransferSeq, rebalances,
          new GiveBack(giveBack.requestId(), giveBack.asked(), giveBack.releasing(), e.returned()));
    }
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }

  private DiamondState enqueue(List<BotOp> ops, boolean rebalance, GiveBack nextGiveBack) {
    List<BotOp> queue = new ArrayList<>(pending);
    queue.addAll(ops);
    long maxOp = ops.stream().mapToLong(BotOp::opId).max().orElse(nextOpId - 1);
    long maxSeq = ops.stream().mapToLong(BotOp::transferSeq).max().orElse(nextTransferSeq - 1);
    return new DiamondState(kind, fundingVersion, ledger, roster, queue, Math.max(nextOpId, maxOp + 1),
        Math.max(nextTransferSeq, maxSeq + 1), rebalances + (rebalance ? 1 : 0), nextGiveBack);
  }
}
