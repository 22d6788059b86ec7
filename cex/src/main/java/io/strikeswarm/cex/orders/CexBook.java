package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.orders.CexOrderEntity.Event;
import io.strikeswarm.cex.orders.CexOrderEntity.FillAdopted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderAccepted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderCancelled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderIntended;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderOutcomeUnknown;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderPartiallyFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderRejected;
import io.strikeswarm.cex.orders.CexOrderEntity.SeqVoided;
import io.strikeswarm.persistence.CborSerializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one bot's orders on one venue account: its orders by client id (in the order they were intended),
 * its position per instrument ({@code BASE/COUNTER}), the venue trade ids already counted (a fill is applied once
 * whatever path reports it again) and the last order sequence used. Pure; every event gives a new book.
 */
public record CexBook(String botId, Map<String, CexOrder> orders, Map<String, CexPosition> positions,
    Set<String> tradeIds, long lastSeq) implements CborSerializable {

  public CexBook {
    orders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(orders));
    positions = java.util.Collections.unmodifiableMap(new TreeMap<>(positions));
    tradeIds = Set.copyOf(tradeIds);
  }

  public static CexBook empty(String botId) {
    return new CexBook(botId, Map.of(), Map.of(), Set.of(), 0L);
  }

  public Optional<CexOrder> order(String clientId) {
    return Optional.ofNullable(orders.get(clientId));
  }

  public CexPosition position(String instrument) {
    return positions.getOrDefault(instrument, CexPosition.flat());
  }

  /** Orders the venue may still change: unresolved, accepted or partly filled. */
  public List<CexOrder> openOrders() {
    return orders.values().stream().filter(o -> !o.status().isTerminal()).toList();
  }

  public boolean knowsVenueOrder(String venueOrderId) {
    return orders.values().stream().anyMatch(o -> venueOrderId.equals(o.venueOrderId()));
  }

  public CexBook apply(Event event) {
    if (event instanceof OrderIntended e) {
      CexOrder o = new CexOrder(e.clientId(), e.venueReference(), e.seq(), e.instrument(), e.side(), e.kind(),
          e.quantity(), e.limitPrice(), e.timeMs(), OrderStatus.INTENDED, null, List.of(), null);
      return withOrder(o, Math.max(lastSeq, e.seq()));
    }
    if (event instanceof SeqVoided e) return new CexBook(botId, orders, positions, tradeIds, Math.max(lastSeq, e.seq()));
    CexOrder o = orders.get(event.clientId());
    if (o == null) throw new IllegalStateException("event for unknown order " + event.clientId());
    if (event instanceof OrderAccepted e) return withOrder(o.accepted(e.venueOrderId()), lastSeq);
    if (event instanceof OrderPartiallyFilled e) return fill(o, e.fill());
    if (event instanceof OrderFilled e) return fill(o, e.fill());
    if (event instanceof FillAdopted e) return fill(o, e.fill());
    if (event instanceof OrderCancelled e) return withOrder(o.withStatus(OrderStatus.CANCELLED, e.reason()), lastSeq);
    if (event instanceof OrderRejected e) {
      return withOrder(o.withStatus(OrderStatus.REJECTED, e.reason() + ": " + e.message()), lastSeq);
    }
    if (event instanceof OrderOutcomeUnknown e) return withOrder(o.withStatus(OrderStatus.UNKNOWN, e.message()),
        lastSeq);
    throw new IllegalStateException("unhandled event " + event.getClass().getSimpleName());
  }

  private CexBook fill(CexOrder o, TradeFill f) {
    if (tradeIds.contains(f.tradeId())) return this;
    Map<String, CexPosition> p = new TreeMap<>(positions);
    String key = o.instrument().toString();
    p.put(key, position(key).apply(o.side(), f.quantity(), f.price(), f.fee(), f.feeCurrency()));
    Set<String> ids = new HashSet<>(tradeIds);
    ids.add(f.tradeId());
    Map<String, CexOrder> m = new LinkedHashMap<>(orders);
    m.put(o.clientId(), o.filled(f));
    return new CexBook(botId, m, p, ids, lastSeq);
  }

  private CexBook withOrder(CexOrder o, long seq) {
    Map<String, CexOrder> m = new LinkedHashMap<>(orders);
    m.put(o.clientId(), o);
    return new CexBook(botId, m, positions, tradeIds, seq);
  }
}
