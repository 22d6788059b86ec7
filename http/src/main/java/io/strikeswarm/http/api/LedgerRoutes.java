package io.strikeswarm.http.api;

import io.strikeswarm.http.audit.AuditLog;
import io.strikeswarm.http.auth.Principal;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.view.AmmRoundTrips;
import io.strikeswarm.http.view.LedgerIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Orders and closed trades of directional bots, settled round trips of AMM bots, and the audit trail: paged, newest
 * first, filterable by bot and time. An AMM round trip is kept out of the trades: it has no instrument, side or entry
 * and exit price, and its profit is in tokens — forced into a trade's shape its figures would be made up.
 */
final class LedgerRoutes extends RouteSupport {
  private static final Set<String> FILTERS = Set.of("bot", "from", "to", "offset", "limit");

  LedgerRoutes(ApiContext ctx) {
    super(ctx);
  }

  Route routes(Principal who) {
    return concat(
        path("orders", () -> get(() -> parameterMap(q -> respondNow(() -> {
          Filter f = filter(q, false);
          Predicate<LedgerIndex.OrderRow> keep = o -> f.bot(o.botId()) && f.time(o.placedAtMs());
          return ctx.ledger().orders(keep, f.offset(), f.limit());
        })))),
        path("trades", () -> get(() -> parameterMap(q -> respondNow(() -> {
          Filter f = filter(q, false);
          Predicate<LedgerIndex.TradeRow> keep = t -> f.bot(t.botId()) && f.time(t.exitTimeMs());
          return ctx.ledger().trades(keep, f.offset(), f.limit());
        })))),
        path(PathMatchers.segment("amm").slash("round-trips"), () -> get(() -> parameterMap(q -> respondNow(() -> {
          Filter f = filter(q, true);
          Predicate<AmmRoundTrips.Row> keep = r -> f.bot(r.botId()) && f.time(r.settledAtMs());
          return ctx.ledger().roundTrips(keep, f.offset(), f.limit());
        })))),
        path("audit", () -> get(() -> requireRole(who, Role.ADMIN, () -> parameterMap(q -> respond(() -> {
          Params p = new Params(q, Set.of("offset", "limit"));
          long offset = p.integer("offset", 0, 0, Long.MAX_VALUE / 4);
          long limit = p.integer("limit", 100, 1, ctx.settings().maxPageSize());
          return AskPattern.ask(ctx.audit(), (ActorRef<Long> r) -> new AuditLog.GetCount(r),
              ctx.settings().askTimeout(), ctx.system().scheduler()).thenCompose(total -> {
                long to = total - offset;
                long from = Math.max(1, to - limit + 1);
                if (to < 1) return CompletableFuture.completedFuture(page(total, offset, limit, List.of()));
                return ctx.readSide().events(AuditLog.PERSISTENCE_ID.id(), from, to)
                    .map(e -> ((AuditLog.Recorded) e.event()).entry())
                    .runWith(Sink.seq(), ctx.system())
                    .thenApply(entries -> {
                      List<Object> newestFirst = new java.util.ArrayList<>(entries);
                      java.util.Collections.reverse(newestFirst);
                      return page(total, offset, limit, newestFirst);
                    });
              });
        }))))));
  }

  private static org.apache.pekko.http.javadsl.model.HttpResponse page(long total, long offset, long limit,
      List<Object> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("items", items);
    return Responses.ok(out);
  }

  private record Filter(Optional<String> botId, long fromMs, long toMs, long offset, long limit) {
    boolean bot(String id) {
      return botId.isEmpty() || botId.get().equals(id);
    }

    boolean time(long t) {
      return t >= fromMs && t <= toMs;
    }
  }

  /** The query's filter; {@code amm} says the list holds AMM round trips, so {@code bot} must be an AMM bot. */
  private Filter filter(Map<String, String> query, boolean amm) {
    Params p = new Params(query, FILTERS);
    long from = p.time("from").orElse(Long.MIN_VALUE);
    long to = p.time("to").orElse(Long.MAX_VALUE);
    if (from > to) throw ApiError.badRequest("from", "must not be after to");
    Optional<String> bot = p.text("bot");
    if (bot.isPresent() && !snapshot().knows(bot.get())) throw ApiError.unknownBot(bot.get());
    if (bot.isPresent() && BotJournal.isAmm(bot.get()) != amm) {
      throw ApiError.badRequest("bot", amm
          ? Params.clip(bot.get()) + " is not an AMM bot; its orders and trades are at /api/orders and /api/trades"
          : Params.clip(bot.get()) + " is an AMM bot: it places no orders and closes no trades; its settled round"
              + " trips are at /api/amm/round-trips");
    }
    return new Filter(bot, from, to, p.integer("offset", 0, 0, 10_000_000),
        p.integer("limit", 100, 1, ctx.settings().maxPageSize()));
  }

}
