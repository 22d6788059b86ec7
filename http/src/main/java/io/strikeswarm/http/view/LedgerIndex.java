package io.strikeswarm.http.view;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders and closed trades of every directional bot and the settled round trips of every AMM bot, read from the
 * journal's tagged events ({@code bot} and {@code amm}; from the beginning at every start, then live), for
 * {@code GET /api/orders}, {@code GET /api/trades}, {@code GET /api/amm/round-trips} and the live feed. An in-memory
 * read side: it is rebuilt from the journal, never written to, so it cannot disagree with it for longer than the
 * query's refresh interval. Counts signals, orders, fills and refusals into the metrics as they arrive live.
 */
public final class LedgerIndex implements AutoCloseable {
  public record OrderRow(String orderId, String botId, String instrument, String action, BigDecimal quantity,
      String reason, long placedAtMs, String status, BigDecimal filledPrice, BigDecimal fee, long filledAtMs,
      String cancelReason, long seq) {}

  public record TradeRow(String botId, String instrument, String side, BigDecimal quantity, long entryTimeMs,
      BigDecimal entryPrice, long exitTimeMs, BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees, String exitReason,
      long seq) {}

  public record Page<T>(long total, long offset, long limit, List<T> items) {}

  /**
   * A page of settled round trips, with totals over every round trip the filter matched (not just this page):
   * {@code tokenChange} is what they changed in the bots' books by token, gas included as a loss of the native
   * coin; {@code netUsd} sums the rows that could be valued, {@code unvalued} counts those that could not.
   */
  public record RoundTripPage(long total, long offset, long limit, RoundTripTotals totals,
      List<AmmRoundTrips.Row> items) {}

  public record RoundTripTotals(Map<String, BigInteger> tokenChange, BigInteger gasWei, BigDecimal netUsd,
      long unvalued) {}

  private static final Logger LOG = LoggerFactory.getLogger(LedgerIndex.class);

  private final SwarmMetrics metrics;
  private final EventHub hub;
  private final List<OrderRow> orders = new ArrayList<>();
  private final Map<String, Integer> orderIndex = new HashMap<>();
  private final List<TradeRow> trades = new ArrayList<>();
  private final AmmRoundTrips ammRoundTrips = new AmmRoundTrips();
  private final List<AmmRoundTrips.Row> roundTrips = new ArrayList<>();
  /** AMM bots whose journal this index could not follow (logged once each); their round trips stop there. */
  private final Set<String> unreadable = new HashSet<>();
  private UniqueKillSwitch stream;
  private UniqueKillSwitch ammStream;

  public LedgerIndex(SwarmMetrics metrics, EventHub hub) {
    this.metrics = metrics;
    this.hub = hub;
  }

  public void start(ActorSystem<?> system, ReadSide readSide) {
    stream = readSide.liveByTag(BotEntity.TAG, Offset.noOffset())
        .viaMat(KillSwitches.single(), Keep.right())
        .to(Sink.foreach(this::apply))
        .run(system);
    ammStream = readSide.liveByTag(AmmBotEntity.TAG, Offset.noOffset())
        .viaMat(KillSwitches.single(), Keep.right())
        .to(Sink.foreach(this::apply))
        .run(system);
  }

  /** Applies one tagged bot or AMM bot event (public for tests that feed envelopes directly). */
  public void apply(EventEnvelope envelope) {
    String botId = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    String diamond = DiamondKind.ofBot(botId).map(DiamondKind::id).orElse("unknown");
    Object event = envelope.event();
    long seq = envelope.sequenceNr();
    synchronized (this) {
      if (event instanceof AmmBotEntity.Event e) {
        applyAmm(botId, seq, envelope.timestamp(), e);
      } else if (event instanceof BotEntity.OrderPlaced e) {
        Order o = e.order();
        OrderRow row = new OrderRow(o.orderId(), botId, o.instrument(), o.action().name().toLowerCase(), o.quantity(),
            o.reason().label(), o.placedAtMs(), "placed", null, null, 0, null, seq);
        Integer at = orderIndex.get(o.orderId());
        if (at == null) {
          orderIndex.put(o.orderId(), orders.size());
          orders.add(row);
        }
        metrics.order(diamond, o.reason().label());
        if (o.reason() == Order.Reason.ENTRY || o.reason() == Order.Reason.EXIT) metrics.signal(diamond);
        hub.publish("order", row);
      } else if (event instanceof BotEntity.OrderFilled e) {
        fill(e.orderId(), e.fill(), true);
        metrics.fill(diamond);
      } else if (event instanceof BotEntity.OrderPartiallyFilled e) {
        fill(e.orderId(), e.fill(), false);
        metrics.fill(diamond);
      } else if (event instanceof BotEntity.OrderCancelled e) {
        Integer at = orderIndex.get(e.orderId());
        if (at != null) {
          OrderRow o = orders.get(at);
          orders.set(at, new OrderRow(o.orderId(), o.botId(), o.instrument(), o.action(), o.quantity(), o.reason(),
              o.placedAtMs(), "cancelled", null, null, 0, e.reason(), o.seq()));
        }
      } else if (event instanceof BotEntity.TradeClosed e) {
        ClosedTrade t = e.trade();
        TradeRow row = new TradeRow(t.botId(), t.instrument(), t.side().name().toLowerCase(), t.quantity(),
            t.entryTimeMs(), t.entryPrice(), t.exitTimeMs(), t.exitPrice(), t.pnl(), t.fees(), t.exitReason(), seq);
        trades.add(row);
        hub.publish("trade", row);
      } else if (event instanceof BotEntity.EntryRefused e) {
        metrics.signal(diamond);
        metrics.reject(diamond, label(e.reason()));
      }
    }
  }

  /**
   * An order's row after a fill: a routed venue may fill an order in several parts, so the row shows the quantity
   * filled so far, its volume-weighted price and the fees summed ("partially filled" until the completing fill).
   */
  private void fill(String orderId, Fill f, boolean completes) {
    Integer at = orderIndex.get(orderId);
    if (at == null) return;
    OrderRow o = orders.get(at);
    boolean earlier = "partially filled".equals(o.status());
    BigDecimal quantity = earlier ? o.quantity().add(f.quantity()) : f.quantity();
    BigDecimal price = earlier ? o.filledPrice().multiply(o.quantity()).add(f.price().multiply(f.quantity()))
        .divide(quantity, 8, RoundingMode.HALF_EVEN) : f.price();
    BigDecimal fee = earlier ? o.fee().add(f.fee()) : f.fee();
    OrderRow filled = new OrderRow(o.orderId(), o.botId(), o.instrument(), o.action(), quantity, o.reason(),
        o.placedAtMs(), completes ? "filled" : "partially filled", price, fee, f.timeMs(), null, o.seq());
    orders.set(at, filled);
    hub.publish("fill", filled);
  }

  private void applyAmm(String botId, long seq, long persistedAtMs, AmmBotEntity.Event event) {
    if (unreadable.contains(botId)) return;
    try {
      ammRoundTrips.apply(botId, seq, persistedAtMs, event).ifPresent(row -> {
        roundTrips.add(row);
        hub.publish("round-trip", row);
      });
    } catch (RuntimeException e) {
      // one bot's journal this index cannot follow must not stop the ledger of every other bot
      unreadable.add(botId);
      LOG.error("the round-trip ledger stops following {} at event {}: {}", botId, seq, e.toString());
    }
  }

  public synchronized Page<OrderRow> orders(Predicate<OrderRow> filter, long offset, long limit) {
    return page(orders, filter, offset, limit);
  }

  public synchronized Page<TradeRow> trades(Predicate<TradeRow> filter, long offset, long limit) {
    return page(trades, filter, offset, limit);
  }

  public synchronized RoundTripPage roundTrips(Predicate<AmmRoundTrips.Row> filter, long offset, long limit) {
    Map<String, BigInteger> change = new TreeMap<>();
    BigInteger gas = BigInteger.ZERO;
    BigDecimal netUsd = BigDecimal.ZERO.setScale(2);
    long unvalued = 0;
    for (AmmRoundTrips.Row row : roundTrips) {
      if (!filter.test(row)) continue;
      change.merge(row.homeToken(), row.profit(), BigInteger::add);
      change.merge(row.otherToken(), row.otherChange(), BigInteger::add);
      change.merge(ChainPort.NATIVE, row.gasWei().negate(), BigInteger::add);
      gas = gas.add(row.gasWei());
      if (row.netUsd() == null) {
        unvalued++;
      } else {
        netUsd = netUsd.add(row.netUsd());
      }
    }
    Page<AmmRoundTrips.Row> page = page(roundTrips, filter, offset, limit);
    return new RoundTripPage(page.total(), offset, limit, new RoundTripTotals(change, gas, netUsd, unvalued),
        page.items());
  }

  /** Newest first: an operator looks at what just happened. */
  private static <T> Page<T> page(List<T> rows, Predicate<T> filter, long offset, long limit) {
    List<T> items = new ArrayList<>();
    long matched = 0;
    for (int i = rows.size() - 1; i >= 0; i--) {
      T row = rows.get(i);
      if (!filter.test(row)) continue;
      if (matched >= offset && items.size() < limit) items.add(row);
      matched++;
    }
    return new Page<>(matched, offset, limit, items);
  }

  /** A refusal's reason as a metric label: its first words, never a figure (labels must stay few). */
  static String label(String reason) {
    if (reason == null || reason.isBlank()) return "unknown";
    String head = reason.split("[:(0-9]", 2)[0].trim().toLowerCase().replaceAll("[^a-z ]", "").replace(' ', '-');
    return head.isEmpty() ? "other" : head.length() > 40 ? head.substring(0, 40) : head;
  }

  @Override
  public void close() {
    if (stream != null) stream.shutdown();
    if (ammStream != null) ammStream.shutdown();
  }
}
