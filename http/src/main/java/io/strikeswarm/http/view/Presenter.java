package io.strikeswarm.http.view;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.master.risk.RiskLimits;
import io.strikeswarm.master.risk.SwarmRisk;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's read shapes, computed from a {@link SwarmSnapshot}: pure functions, so the endpoints, the live feed and
 * the tests all see the same figures. Money is {@link BigDecimal} (written as decimal strings); fractions are
 * fractions (0.05 = 5 %).
 */
public final class Presenter {
  private Presenter() {}

  public record Capital(BigDecimal total, BigDecimal reserve, BigDecimal unallocated, BigDecimal deployed) {}

  public record Risk(TradingState state, String reason, BigDecimal peakEquity, BigDecimal dayStartEquity,
      BigDecimal lastEquity, BigDecimal drawdown, BigDecimal dayLoss) {}

  public record Limits(BigDecimal dailyLoss, BigDecimal maxDrawdown, boolean enabled) {}

  public record Allocation(BigDecimal reserveRatio, Map<String, BigDecimal> weights) {}

  public record BotCounts(int total, int active, int paused, int halted, int retired) {}

  public record Venue(String name, String kind, String status) {}

  public record Swarm(String asOf, String marketTime, boolean initialized, Capital capital, BigDecimal equity,
      BigDecimal pnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal returnOnCapital,
      TradingState tradingState, Risk risk, Limits limits, Allocation allocation, BotCounts bots, FeedStatus feed,
      List<Venue> venues, boolean booksBalance) {}

  public record Diamond(String name, BigDecimal weight, BigDecimal funding, BigDecimal pool, BigDecimal allocatedToBots,
      BigDecimal retiredPnl, BigDecimal equity, BigDecimal pnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
      BotCounts bots, int pendingOps, long rebalances, List<String> unanswered, boolean booksBalance) {}

  public record PositionRow(String instrument, String side, BigDecimal quantity, BigDecimal averageEntry,
      BigDecimal costBasis, long openedAtMs) {}

  /**
   * One bot in the table. For an AMM bot the directional figures it does not have are null rather than made up
   * (wins, losses, drawdown, realized / unrealized split), {@code trades} counts its completed round trips, its
   * P&amp;L and return are null until it has valued its tokens at a block, and {@code amm} holds its own counts;
   * {@code amm} is null for a directional bot.
   */
  public record BotRow(String id, String diamond, BotStatus state, String strategy, Map<String, String> parameters,
      String instrument, String side, BigDecimal allocated, BigDecimal equity, BigDecimal pnl,
      BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal returnOnCapital, BigDecimal maxDrawdown,
      long trades, Long wins, Long losses, String lastBar, PositionRow position, String haltReason,
      AmmPresenter.Summary amm) {}

  public static Swarm swarm(SwarmSnapshot s) {
    MasterLedger ledger = s.swarm().ledger();
    SwarmConfig config = s.swarm().config();
    boolean ready = s.swarm().initialized() && ledger != null;
    BigDecimal realized = Money.ZERO;
    BigDecimal unrealized = Money.ZERO;
    BigDecimal equity = ready ? ledger.reserve().add(ledger.unallocated()) : Money.ZERO;
    List<BotView> all = new ArrayList<>();
    boolean balance = ready && s.swarm().ledgerBalances();
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Stats stats = s.stats().get(kind);
      if (stats == null) continue;
      equity = equity.add(stats.equity()).add(stats.ledger().pool());
      realized = realized.add(stats.realizedPnl()).add(stats.ledger().realizedPnl());
      unrealized = unrealized.add(stats.unrealizedPnl());
      all.addAll(stats.bots());
      balance &= stats.ledger().balances();
    }
    BigDecimal total = ready ? ledger.total() : Money.ZERO;
    BigDecimal pnl = Money.normalize(equity.subtract(total));
    Capital capital = ready ? new Capital(ledger.total(), ledger.reserve(), ledger.unallocated(), ledger.deployed())
        : null;
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    if (config != null) for (DiamondKind k : DiamondKind.values()) weights.put(k.id(), config.diamond(k).weight());
    RiskLimits limits = s.risk().limits();
    return new Swarm(iso(s.asOfMs()), s.feed().marketTimeMs() > 0 ? iso(s.feed().marketTimeMs()) : null,
        s.swarm().initialized(), capital, Money.normalize(equity), pnl, Money.normalize(realized),
        Money.normalize(unrealized), ratio(pnl, total), s.risk().state(), risk(s.risk().risk()),
        limits == null ? null : new Limits(limits.dailyLoss(), limits.maxDrawdown(), limits.enabled()),
        config == null ? null : new Allocation(config.reserveRatio(), weights), counts(all), s.feed(),
        List.of(new Venue("simulated", "simulated", "up")), balance);
  }

  public static List<Diamond> diamonds(SwarmSnapshot s) {
    List<Diamond> out = new ArrayList<>();
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Stats stats = s.stats().get(kind);
      DiamondView.Roster roster = s.rosters().get(kind);
      if (stats == null || roster == null) continue;
      BigDecimal equity = Money.normalize(stats.equity().add(stats.ledger().pool()));
      BigDecimal funding = stats.ledger().funding();
      BigDecimal weight = s.swarm().config() == null ? null : s.swarm().config().diamond(kind).weight();
      out.add(new Diamond(kind.id(), weight, funding, stats.ledger().pool(), stats.ledger().allocatedToBots(),
          stats.ledger().realizedPnl(), equity, Money.normalize(equity.subtract(funding)), stats.realizedPnl(),
          stats.unrealizedPnl(), counts(stats.bots()), roster.pendingOps(), roster.rebalances(), stats.unanswered(),
          stats.ledger().balances()));
    }
    return out;
  }

  public static List<BotRow> bots(SwarmSnapshot s) {
    Map<String, RosterEntry> roster = new LinkedHashMap<>();
    for (DiamondView.Roster r : s.rosters().values()) for (RosterEntry e : r.bots()) roster.put(e.botId(), e);
    List<BotRow> rows = new ArrayList<>();
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Stats stats = s.stats().get(kind);
      if (stats == null) continue;
      for (BotView v : stats.bots()) rows.add(bot(kind, v));
    }
    return rows;
  }

  public static BotRow bot(DiamondKind kind, BotView v) {
    if (v.amm() != null) return ammBot(kind, v);
    Position p = v.positions().isEmpty() ? null : v.positions().get(0);
    PositionRow position = p == null ? null : new PositionRow(p.instrument(), p.side().name().toLowerCase(),
        p.quantity(), p.quantity().signum() == 0 ? null : p.averageEntry(), p.costBasis(), p.openedAtMs());
    BigDecimal pnl = Money.normalize(v.equity().subtract(v.allocated()));
    return new BotRow(v.botId(), kind.id(), v.status(), v.config() == null ? null : v.config().strategy(),
        v.config() == null ? Map.of() : v.config().parameters(), v.config() == null ? null : v.config().instrument(),
        v.config() == null || kind.side().isEmpty() ? null : v.config().side().name().toLowerCase(), v.allocated(), v.equity(), pnl,
        v.realizedPnl(), v.unrealizedPnl(), v.returnOnCapital(), v.stats().maxDrawdown(), v.stats().roundTrips(),
        v.stats().wins(), v.stats().losses(), v.lastBarTimeMs() > 0 ? iso(v.lastBarTimeMs()) : null, position,
        v.haltReason(), null);
  }

  /** An AMM bot's row: its budget is what it was allocated, its equity the budget plus its P&amp;L as valued. */
  private static BotRow ammBot(DiamondKind kind, BotView v) {
    AmmPresenter.Summary amm = AmmPresenter.summary(v.amm());
    boolean valued = amm.pnlUsd() != null;
    BigDecimal pnl = valued ? Money.normalize(v.equity().subtract(v.allocated())) : null;
    return new BotRow(v.botId(), kind.id(), v.status(), v.config() == null ? null : v.config().strategy(),
        v.config() == null ? Map.of() : v.config().parameters(), v.config() == null ? null : v.config().instrument(),
        null, v.allocated(), v.equity(), pnl, null, null, valued ? v.returnOnCapital() : null, null,
        amm.roundTripsCompleted(), null, null, null, null, v.haltReason(), amm);
  }

  /**
   * One bot's page ({@code GET /api/bots/{id}}, and its past state from {@code state-at}): a directional bot's
   * books, positions, open orders and stats; an AMM bot's own view instead, since it has none of those.
   */
  public static Map<String, Object> botDetail(DiamondKind kind, BotView v, long asOfMs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", iso(asOfMs));
    out.put("summary", bot(kind, v));
    if (v.amm() != null) {
      out.put("amm", AmmPresenter.detail(v.amm()));
      out.put("eventCount", v.eventCount());
      return out;
    }
    out.put("config", v.config());
    Map<String, Object> books = new LinkedHashMap<>();
    books.put("allocated", v.allocated());
    books.put("capital", v.capital());
    books.put("cash", v.cash());
    books.put("equity", v.equity());
    books.put("realizedPnl", v.realizedPnl());
    books.put("unrealizedPnl", v.unrealizedPnl());
    books.put("feesPaid", v.feesPaid());
    books.put("releasable", v.releasable());
    out.put("books", books);
    out.put("positions", v.positions());
    out.put("openOrders", v.openOrders());
    out.put("stats", v.stats());
    out.put("eventCount", v.eventCount());
    return out;
  }

  public static Risk risk(SwarmRisk r) {
    if (r == null) return null;
    BigDecimal drawdown = r.peakEquity().signum() > 0
        ? Money.divide(r.peakEquity().subtract(r.lastEquity()), r.peakEquity()) : Money.ZERO;
    BigDecimal dayLoss = r.dayStartEquity().signum() > 0
        ? Money.divide(r.dayStartEquity().subtract(r.lastEquity()), r.dayStartEquity()).max(Money.ZERO) : Money.ZERO;
    return new Risk(r.state(), r.reason(), r.peakEquity(), r.dayStartEquity(), r.lastEquity(), drawdown, dayLoss);
  }

  static BotCounts counts(List<BotView> bots) {
    Map<BotStatus, Integer> n = new EnumMap<>(BotStatus.class);
    for (BotView v : bots) n.merge(v.status(), 1, Integer::sum);
    return new BotCounts(bots.size(), n.getOrDefault(BotStatus.ACTIVE, 0), n.getOrDefault(BotStatus.PAUSED, 0),
        n.getOrDefault(BotStatus.HALTED, 0), n.getOrDefault(BotStatus.RETIRED, 0));
  }

  static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() > 0 ? Money.divide(part, whole) : Money.ZERO;
  }

  public static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }
}
