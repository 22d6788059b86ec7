package io.strikeswarm.http.api;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.http.auth.Principal;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.view.Presenter;
import io.strikeswarm.http.view.SwarmSnapshot;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** Bots: the list, one bot, its journal, its state at any event (time travel), and the operator's controls. */
final class BotRoutes extends RouteSupport {
  enum Sort { ID, PNL, EQUITY, RETURN, DRAWDOWN, STATE, TRADES }

  enum Order { ASC, DESC }

  private final BotJournal journal;

  BotRoutes(ApiContext ctx) {
    super(ctx);
    this.journal = new BotJournal(ctx);
  }

  Route routes(Principal who) {
    return concat(
        pathEnd(() -> get(() -> parameterMap(this::list))),
        path(PathMatchers.segment(), id -> get(() -> parameterMap(q -> detail(id, q)))),
        path(PathMatchers.segment().slash("events"), id -> get(() -> parameterMap(q -> events(id, q)))),
        path(PathMatchers.segment().slash("state-at"), id -> get(() -> parameterMap(q -> stateAt(id, q)))),
        path(PathMatchers.segment().slash("pause"), id -> post(() ->
            mutate(who, Role.OPERATOR, "POST", "/api/bots/" + Params.clip(id) + "/pause", "pause", Params.clip(id),
                () -> manage(id, DiamondSupervisor.BotAction.PAUSE)))),
        path(PathMatchers.segment().slash("resume"), id -> post(() ->
            mutate(who, Role.OPERATOR, "POST", "/api/bots/" + Params.clip(id) + "/resume", "resume", Params.clip(id),
                () -> manage(id, DiamondSupervisor.BotAction.RESUME)))),
        path(PathMatchers.segment().slash("parameters"), id -> put(() -> withBody(body ->
            mutate(who, Role.OPERATOR, "PUT", "/api/bots/" + Params.clip(id) + "/parameters", "change-parameters",
                Params.clip(id), () -> parameters(id, body))))));
  }

  private Route list(Map<String, String> query) {
    return respondNow(() -> {
      Params p = new Params(query, Set.of("diamond", "state", "sort", "order", "offset", "limit"));
      String diamond = p.text("diamond").orElse(null);
      if (diamond != null && DiamondKind.byId(diamond).isEmpty()) {
        throw ApiError.badRequest("diamond", "must be one of long-strike, short-strike, amm, got '"
            + Params.clip(diamond) + "'");
      }
      BotStatus state = p.choice("state", BotStatus.class).orElse(null);
      Sort sort = p.choice("sort", Sort.class).orElse(Sort.ID);
      Order order = p.choice("order", Order.class).orElse(sort == Sort.ID || sort == Sort.STATE ? Order.ASC : Order.DESC);
      long offset = p.integer("offset", 0, 0, 1_000_000);
      long limit = p.integer("limit", 100, 1, ctx.settings().maxPageSize());
      List<Presenter.BotRow> rows = new ArrayList<>();
      for (Presenter.BotRow row : Presenter.bots(snapshot())) {
        if (diamond != null && !row.diamond().equals(diamond)) continue;
        if (state != null && row.state() != state) continue;
        rows.add(row);
      }
      // a figure a bot does not have (an AMM bot's drawdown, P&L before it valued its tokens) sorts before any figure
      Comparator<BigDecimal> figures = Comparator.nullsFirst(Comparator.naturalOrder());
      Comparator<Presenter.BotRow> by = switch (sort) {
        case ID -> Comparator.comparing(Presenter.BotRow::id);
        case PNL -> Comparator.comparing(Presenter.BotRow::pnl, figures);
        case EQUITY -> Comparator.comparing(Presenter.BotRow::equity, figures);
        case RETURN -> Comparator.comparing(Presenter.BotRow::returnOnCapital, figures);
        case DRAWDOWN -> Comparator.comparing(Presenter.BotRow::maxDrawdown, figures);
        case STATE -> Comparator.comparing(Presenter.BotRow::state);
        case TRADES -> Comparator.comparingLong(Presenter.BotRow::trades);
      };
      if (order == Order.DESC) by = by.reversed();
      rows.sort(by.thenComparing(Presenter.BotRow::id));
      List<Presenter.BotRow> page = rows.subList((int) Math.min(offset, rows.size()),
          (int) Math.min(offset + limit, rows.size()));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("total", rows.size());
      out.put("offset", offset);
      out.put("limit", limit);
      out.put("items", page);
      return out;
    });
  }

  /** The bot from the latest swarm view, or straight from its entity with {@code fresh=true}. */
  private Route detail(String id, Map<String, String> query) {
    if (query.isEmpty()) {
      return respondFromView("bot:" + Params.clip(id), snapshot -> {
        if (!snapshot.knows(id)) throw ApiError.unknownBot(id);
        BotView v = snapshot.bot(id).orElseThrow(() -> ApiError.notFound("bot " + id
            + " did not answer the last swarm view; ask with fresh=true"));
        return Presenter.botDetail(DiamondKind.ofBot(id).orElseThrow(), v, snapshot.asOfMs());
      });
    }
    return respond(() -> {
      Params p = new Params(query, Set.of("fresh"));
      boolean fresh = p.text("fresh").map(v -> switch (v) {
        case "true" -> true;
        case "false" -> false;
        default -> throw ApiError.badRequest("fresh", "must be true or false");
      }).orElse(false);
      SwarmSnapshot snapshot = known(id);
      DiamondKind kind = DiamondKind.ofBot(id).orElseThrow();
      CompletionStage<BotView> view = fresh
          ? AskPattern.ask(ctx.bots().apply(id), BotEntity.GetState::new, ctx.settings().askTimeout(),
              ctx.system().scheduler())
          : CompletableFuture.completedFuture(snapshot.bot(id).orElseThrow(() -> ApiError.notFound("bot " + id
              + " did not answer the last swarm view; ask with fresh=true")));
      return view.thenApply(v -> Responses.ok(Presenter.botDetail(kind, v,
          fresh ? System.currentTimeMillis() : snapshot.asOfMs())));
    });
  }

  private Route events(String id, Map<String, String> query) {
    return respond(() -> {
      Params p = new Params(query, Set.of("from", "limit"));
      long from = p.integer("from", 1, 1, Long.MAX_VALUE / 2);
      long limit = p.integer("limit", 100, 1, ctx.settings().maxPageSize());
      known(id);
      return journal.page(id, from, from + limit - 1).thenApply(items -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("botId", id);
        out.put("from", from);
        out.put("limit", limit);
        out.put("items", items);
        out.put("next", items.size() < limit ? null : from + limit);
        return Responses.ok(out);
      });
    });
  }

  /** The bot's state replayed from its first event through event {@code seq}: what it knew then. */
  private Route stateAt(String id, Map<String, String> query) {
    return respond(() -> {
      Params p = new Params(query, Set.of("seq"));
      long seq = p.integer("seq", -1, 0, Long.MAX_VALUE / 2);
      if (seq < 0) throw ApiError.badRequest("seq", "is required");
      known(id);
      return journal.stateAt(id, seq).thenApply(Responses::ok);
    });
  }

  private CompletionStage<HttpResponse> manage(String id, DiamondSupervisor.BotAction action) {
    known(id);
    return this.<Done>askMaster(r -> new Master.ManageBot(id, action, r))
        .thenApply(done -> Responses.ok(Map.of("botId", id, "action", action.name().toLowerCase(), "done", true)));
  }

  private CompletionStage<HttpResponse> parameters(String id, String text) {
    known(id);
    Map<String, String> parameters = Body.parse(text, Set.of("parameters")).stringMap("parameters", 32);
    if (parameters.isEmpty()) throw ApiError.badRequest("parameters", "must name at least one parameter");
    return this.<Done>askMaster(r -> new Master.ChangeBotParameters(id, Map.copyOf(parameters), r))
        .thenApply(done -> Responses.ok(Map.of("botId", id, "parameters", parameters, "done", true)));
  }

  /** The snapshot, if the bot is on a roster; otherwise 404 (and no entity is ever created for the id). */
  private SwarmSnapshot known(String id) {
    SwarmSnapshot s = snapshot();
    if (!s.knows(id)) throw ApiError.unknownBot(id);
    return s;
  }
}
