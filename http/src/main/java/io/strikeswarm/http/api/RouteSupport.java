package io.strikeswarm.http.api;

import io.strikeswarm.http.audit.AuditEntry;
import io.strikeswarm.http.audit.AuditLog;
import io.strikeswarm.http.auth.Principal;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.view.SwarmSnapshot;
import io.strikeswarm.master.Master;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.pattern.StatusReply;

/** What every group of routes shares: asking the swarm, turning refusals into API errors, auditing changes. */
abstract class RouteSupport extends AllDirectives {
  private static final java.util.regex.Pattern REQUEST_FIELD =
      java.util.regex.Pattern.compile("((?:parameters|weights|reserve)(?:\\.[A-Za-z0-9_-]+)?): ");

  protected final ApiContext ctx;
  private final SnapshotResponses cache = new SnapshotResponses();

  RouteSupport(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** A body that depends on the swarm view only, rendered once per view. */
  protected Route respondFromView(String key, java.util.function.Function<SwarmSnapshot, Object> body) {
    return respond(() -> {
      SwarmSnapshot s = snapshot();
      return CompletableFuture.completedFuture(cache.get(s, key, () -> Responses.ok(body.apply(s))));
    });
  }

  protected SwarmSnapshot snapshot() {
    return ctx.monitor().latest().orElseThrow(() -> new ApiError(503, "not_ready",
        "the swarm view is not ready yet; retry shortly", null));
  }

  /** Runs a handler that may refuse synchronously or asynchronously; every refusal becomes its JSON error. */
  protected Route respond(Supplier<CompletionStage<HttpResponse>> handler) {
    return completeWithFuture(run(handler));
  }

  protected Route respondNow(Supplier<Object> body) {
    return respond(() -> CompletableFuture.completedFuture(Responses.ok(body.get())));
  }

  protected Route requireRole(Principal who, Role role, Supplier<Route> inner) {
    if (!who.role().allows(role)) return complete(Responses.error(forbidden(who, role)));
    return inner.get();
  }

  private static ApiError forbidden(Principal who, Role role) {
    return new ApiError(403, "forbidden", "this needs the " + role.configName() + " role; the token has "
        + who.role().configName(), null);
  }

  /** A request body as text, at most the configured size (a larger one is refused with 413 before it is read). */
  protected Route withBody(Function<String, Route> inner) {
    return withSizeLimit(ctx.settings().maxBodyBytes(), () -> entity(Unmarshaller.entityToString(), inner));
  }

  /**
   * A mutating request: runs it, records who did what and the outcome in the audit trail (the answer waits for the
   * record to be persisted), refreshes the swarm view so the next read shows the change, then answers.
   */
  protected Route mutate(Principal who, Role role, String method, String path, String action, String target,
      Supplier<CompletionStage<HttpResponse>> handler) {
    return parameterMap(query -> completeWithFuture(audited(who, method, path, action, target, () -> {
      if (!who.role().allows(role)) throw forbidden(who, role);
      if (!query.isEmpty()) {
        throw ApiError.badRequest(Params.clip(query.keySet().iterator().next()),
            "unknown query parameter (this endpoint takes none)");
      }
      return handler.get();
    })));
  }

  private CompletionStage<HttpResponse> audited(Principal who, String method, String path, String action,
      String target, Supplier<CompletionStage<HttpResponse>> handler) {
    CompletionStage<HttpResponse> done = run(handler).thenCompose(response -> {
      int status = response.status().intValue();
      String outcome = status < 300 ? "ok" : outcomeOf(response);
      AuditEntry entry = new AuditEntry(System.currentTimeMillis(), who.name(), who.role().name().toLowerCase(),
          method, path, action, target, status, outcome);
      CompletionStage<org.apache.pekko.Done> recorded = AskPattern.ask(ctx.audit(),
          (ActorRef<org.apache.pekko.Done> r) -> new AuditLog.Record(entry, r), ctx.settings().askTimeout(),
          ctx.system().scheduler());
      CompletionStage<?> refreshed = status < 300 ? ctx.monitor().refresh().exceptionally(e -> null)
          : CompletableFuture.completedFuture(null);
      return recorded.thenCombine(refreshed, (a, b) -> response);
    });
    return done.exceptionally(e -> Responses.error(toApiError(e)));
  }

  private static String outcomeOf(HttpResponse response) {
    try {
      var strict = (org.apache.pekko.http.javadsl.model.HttpEntity.Strict) response.entity();
      String text = strict.getData().utf8String();
      return text.length() > 500 ? text.substring(0, 500) : text;
    } catch (ClassCastException e) {
      return "status " + response.status().intValue();
    }
  }

  protected <T> CompletionStage<T> askMaster(
      org.apache.pekko.japi.function.Function<ActorRef<StatusReply<T>>, Master.Command> message) {
    return AskPattern.askWithStatus(ctx.master(), message, ctx.settings().askTimeout(), ctx.system().scheduler());
  }

  protected <T> CompletionStage<T> askMasterPlain(
      org.apache.pekko.japi.function.Function<ActorRef<T>, Master.Command> message) {
    return AskPattern.ask(ctx.master(), message, ctx.settings().askTimeout(), ctx.system().scheduler());
  }

  protected CompletionStage<HttpResponse> run(Supplier<CompletionStage<HttpResponse>> handler) {
    CompletionStage<HttpResponse> stage;
    try {
      stage = handler.get();
    } catch (ApiError e) {
      return CompletableFuture.completedFuture(Responses.error(e));
    }
    return stage.exceptionally(e -> Responses.error(toApiError(e)));
  }

  /** A refusal from the swarm is a conflict with its state; no answer in time is the swarm being unavailable. */
  ApiError toApiError(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApiError api) return api;
    if (cause instanceof StatusReply.ErrorMessage refused) {
      // The swarm checks what only it can (a strategy's parameters, the books): a refusal naming a request field is
      // the request's fault; any other refusal is a conflict with the swarm's state.
      java.util.regex.Matcher field = REQUEST_FIELD.matcher(refused.getMessage());
      if (field.lookingAt()) return ApiError.badRequest(field.group(1), refused.getMessage().substring(field.end()));
      return ApiError.conflict(refused.getMessage());
    }
    if (cause instanceof TimeoutException || cause instanceof org.apache.pekko.pattern.AskTimeoutException) {
      return new ApiError(503, "unavailable", "the swarm did not answer in time; retry", null);
    }
    // Not the client's fault: say so in the log (never the request, which may hold a token) and answer 500.
    ctx.system().log().error("internal error serving a request: {}", cause.toString());
    return new ApiError(500, "internal", "internal error", null);
  }
}
