package io.strikeswarm.http.api;

import io.strikeswarm.http.auth.Principal;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.view.Presenter;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.capital.DiamondKind;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** The swarm as a whole: its books and risk, the diamonds, the allocation, the kill switch and the resume. */
final class SwarmRoutes extends RouteSupport {
  private static final Set<String> DIAMOND_IDS = java.util.Arrays.stream(DiamondKind.values()).map(DiamondKind::id)
      .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

  SwarmRoutes(ApiContext ctx) {
    super(ctx);
  }

  Route routes(Principal who) {
    return concat(
        path("swarm", () -> get(() -> parameterMap(q -> {
          new Params(q, Set.of());
          return respondFromView("swarm", Presenter::swarm);
        }))),
        path(PathMatchers.segment("swarm").slash("equity"), () -> get(() -> parameterMap(q -> {
          int limit = (int) new Params(q, Set.of("limit")).integer("limit", 1000, 1, 10_000);
          return respondNow(() -> Map.of("points", ctx.equity().points(limit), "size", ctx.equity().size()));
        }))),
        path(PathMatchers.segment("swarm").slash("resume"), () -> post(() ->
            mutate(who, Role.ADMIN, "POST", "/api/swarm/resume", "resume-swarm", "swarm", this::resume))),
        path("diamonds", () -> get(() -> parameterMap(q -> {
          new Params(q, Set.of());
          return respondFromView("diamonds", s -> Map.of("items", Presenter.diamonds(s)));
        }))),
        path(PathMatchers.segment("diamonds").slash(PathMatchers.segment()).slash("rebalance"), name ->
            post(() -> mutate(who, Role.OPERATOR, "POST", "/api/diamonds/" + Params.clip(name) + "/rebalance",
                "rebalance", Params.clip(name), () -> rebalance(name)))),
        path(PathMatchers.segment("master").slash("allocation"), () -> put(() -> withBody(body ->
            mutate(who, Role.ADMIN, "PUT", "/api/master/allocation", "change-allocation", "master",
                () -> allocation(body))))),
        path("kill-switch", () -> post(() -> withBody(body ->
            mutate(who, Role.ADMIN, "POST", "/api/kill-switch", "kill-switch", "swarm",
                () -> killSwitch(body, who))))));
  }

  private CompletionStage<HttpResponse> rebalance(String name) {
    DiamondKind kind = DiamondKind.byId(name).orElseThrow(() -> ApiError.notFound(
        "unknown diamond '" + Params.clip(name) + "' (known: " + String.join(", ", DIAMOND_IDS) + ")"));
    return this.<io.strikeswarm.master.diamond.DiamondView.RebalanceResult>askMaster(r -> new Master.Rebalance(kind, r))
        .thenApply(Responses::ok);
  }

  private CompletionStage<HttpResponse> allocation(String text) {
    Body body = Body.parse(text, Set.of("weights", "reserve"));
    Map<DiamondKind, BigDecimal> weights = new EnumMap<>(DiamondKind.class);
    BigDecimal reserve = body.decimal("reserve").orElse(null);
    if (reserve != null && (reserve.signum() < 0 || reserve.compareTo(BigDecimal.ONE) >= 0)) {
      throw ApiError.badRequest("reserve", "must be in [0, 1), got " + reserve.toPlainString());
    }
    if (body.has("weights")) {
      Body w = body.object("weights", DIAMOND_IDS);
      BigDecimal sum = BigDecimal.ZERO;
      for (DiamondKind kind : DiamondKind.values()) {
        BigDecimal v = w.requiredDecimal(kind.id());
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
          throw ApiError.badRequest(w.path(kind.id()), "must be in [0, 1], got " + v.toPlainString());
        }
        weights.put(kind, v);
        sum = sum.add(v);
      }
      if (sum.compareTo(BigDecimal.ONE) != 0) {
        throw ApiError.badRequest("weights", "must sum to 1, got " + sum.toPlainString());
      }
    } else if (reserve == null) {
      throw ApiError.badRequest(null, "give weights, reserve, or both");
    }
    return this.<io.strikeswarm.master.capital.AllocationResult>askMaster(r ->
        new Master.ChangeAllocation(weights.isEmpty() ? null : Map.copyOf(weights), reserve, r))
        .thenApply(Responses::ok);
  }

  private CompletionStage<HttpResponse> killSwitch(String text, Principal who) {
    Body body = Body.parseOptional(text, Set.of("reason"));
    String reason = body.text("reason", 200).orElse("kill switch");
    long marketTime = ctx.feed().get().marketTimeMs();
    return this.<Done>askMaster(r -> new Master.HaltSwarm(reason + " (by " + who.name() + ")", marketTime, r))
        .thenApply(done -> Responses.ok(Map.of("tradingState", "HALTED", "reason", reason,
            "effect", "every bot cancels its open orders, flattens at its last price and stops trading")));
  }

  private CompletionStage<HttpResponse> resume() {
    long marketTime = ctx.feed().get().marketTimeMs();
    return this.<Done>askMaster(r -> new Master.ResumeSwarm(marketTime, r))
        .thenApply(done -> Responses.ok(new LinkedHashMap<>(Map.of("tradingState", "ACTIVE"))));
  }
}
