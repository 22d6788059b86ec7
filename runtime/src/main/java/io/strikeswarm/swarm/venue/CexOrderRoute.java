package io.strikeswarm.swarm.venue;

import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.routing.OrderRoute;
import io.strikeswarm.bots.routing.RouteFill;
import io.strikeswarm.bots.routing.RouteReport;
import io.strikeswarm.cex.orders.CexBook;
import io.strikeswarm.cex.orders.CexOrder;
import io.strikeswarm.cex.orders.CexOrderEntity;
import io.strikeswarm.cex.orders.TradeFill;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * A directional bot's orders through its own {@link CexOrderEntity} ({@code cex|<bot id>}, sharded), which journals
 * each order before it reaches XChange and reconciles with the venue. Bot order {@code n} is the entity's order
 * {@code n + 1} (the entity numbers from 1), so bot order {@code long-07-o0} has client id {@code ss-long-07-1}.
 * Bot instruments {@code BASE-QUOTE} are the venue's {@code BASE/QUOTE}; fees come back valued in the quote
 * currency (a fee charged in the base currency at the fill's price; one charged in a third currency, such as an
 * exchange token, is not valued and stays in the entity's books only).
 */
public final class CexOrderRoute implements OrderRoute {
  private final ActorSystem<?> system;
  private final Duration timeout;

  public CexOrderRoute(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<RouteReport> send(String botId, long seq, Order order) {
    OrderSide side = order.action() == OrderAction.BUY ? OrderSide.BUY : OrderSide.SELL;
    return entity(botId).<StatusReply<CexOrder>>ask(replyTo -> new CexOrderEntity.Submit(seq + 1, OrderKind.MARKET,
            side, venueInstrument(order.instrument()), order.quantity(), null, replyTo), timeout)
        .thenApply(reply -> report(seq, value(reply)));
  }

  @Override
  public CompletionStage<List<RouteReport>> reports(String botId) {
    return entity(botId).<CexBook>ask(CexOrderEntity.GetState::new, timeout).thenApply(book -> book.orders().values()
        .stream().sorted(Comparator.comparingLong(CexOrder::seq)).map(o -> report(o.seq() - 1, o)).toList());
  }

  @Override
  public CompletionStage<RouteReport> giveUp(String botId, long seq) {
    return entity(botId).<StatusReply<CexOrderEntity.VoidAnswer>>ask(
            replyTo -> new CexOrderEntity.VoidSeq(seq + 1, replyTo), timeout)
        .thenApply(reply -> {
          CexOrder existing = value(reply).existing();
          return existing == null ? RouteReport.voided(seq) : report(seq, existing);
        });
  }

  @Override
  public CompletionStage<RouteReport> cancel(String botId, long seq) {
    EntityRef<CexOrderEntity.Command> entity = entity(botId);
    return entity.<CexBook>ask(CexOrderEntity.GetState::new, timeout).thenCompose(book -> {
      CexOrder order = book.orders().values().stream().filter(o -> o.seq() == seq + 1).findFirst().orElse(null);
      if (order == null) return CompletableFuture.failedFuture(new IllegalStateException("no order " + seq));
      if (order.status().isTerminal()) return CompletableFuture.completedFuture(report(seq, order));
      return entity.<StatusReply<CexOrder>>ask(replyTo -> new CexOrderEntity.Cancel(order.clientId(), replyTo), timeout)
          .thenApply(reply -> report(seq, value(reply)));
    });
  }

  private EntityRef<CexOrderEntity.Command> entity(String botId) {
    return ClusterSharding.get(system).entityRefFor(CexOrderEntity.TYPE_KEY, botId);
  }

  private static <T> T value(StatusReply<T> reply) {
    if (reply.isError()) throw new IllegalStateException(reply.getError().getMessage());
    return reply.getValue();
  }

  /** {@code BTC-USD} (the bots' market data naming) as the venue's {@code BTC/USD}. */
  static String venueInstrument(String botInstrument) {
    int dash = botInstrument.indexOf('-');
    if (dash <= 0 || dash != botInstrument.lastIndexOf('-') || dash == botInstrument.length() - 1) {
      throw new IllegalArgumentException("instrument " + botInstrument + " is not BASE-QUOTE");
    }
    return botInstrument.replace('-', '/');
  }

  static RouteReport report(long seq, CexOrder order) {
    List<RouteFill> fills = order.fills().stream().map(f -> fill(order, f)).toList();
    return new RouteReport(seq, state(order), order.quantity(), fills, order.reason());
  }

  private static RouteReport.State state(CexOrder order) {
    return switch (order.status()) {
      case INTENDED, ACCEPTED, PARTIALLY_FILLED -> RouteReport.State.WORKING;
      case UNKNOWN -> RouteReport.State.UNKNOWN;
      case FILLED -> RouteReport.State.FILLED;
      case CANCELLED -> RouteReport.State.CANCELLED;
      case REJECTED -> RouteReport.State.REJECTED;
    };
  }

  private static RouteFill fill(CexOrder order, TradeFill f) {
    return new RouteFill(f.tradeId(), f.quantity(), f.price(), quoteFee(order, f), f.timeMs());
  }

  static BigDecimal quoteFee(CexOrder order, TradeFill f) {
    if (f.fee() == null || f.feeCurrency() == null) return BigDecimal.ZERO;
    if (f.feeCurrency().equalsIgnoreCase(order.instrument().counter())) return f.fee();
    if (f.feeCurrency().equalsIgnoreCase(order.instrument().base())) return f.fee().multiply(f.price());
    return BigDecimal.ZERO;
  }
}
