package io.strikeswarm.http.api;

import io.strikeswarm.http.auth.AuthResult;
import io.strikeswarm.http.auth.Principal;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.scaladsl.model.IllegalRequestException;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The whole HTTP surface: {@code /api/...} (JSON, bearer tokens with roles, a rate limit per token) and the
 * dashboard at {@code /}. Routes only: every figure comes from the swarm view or the journal, every change is a
 * command to the master through its protocol. Whatever a client sends, the answer is a JSON status below 500 unless
 * the server itself is at fault.
 */
public final class ApiRoutes extends RouteSupport {
  private final SwarmRoutes swarm;
  private final BotRoutes bots;
  private final LedgerRoutes ledger;

  public ApiRoutes(ApiContext ctx) {
    super(ctx);
    this.swarm = new SwarmRoutes(ctx);
    this.bots = new BotRoutes(ctx);
    this.ledger = new LedgerRoutes(ctx);
  }

  public Route routes() {
    return timed(() -> handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
        pathPrefix("api", () -> concat(
            path("health", () -> get(() -> complete(Responses.ok(Map.of("status", "up"))))),
            path("ready", () -> get(this::ready)),
            path("openapi.json", () -> get(() -> getFromResource("openapi.json", ContentTypes.APPLICATION_JSON))),
            authenticated(who -> concat(
                swarm.routes(who),
                pathPrefix("bots", () -> bots.routes(who)),
                ledger.routes(who),
                path("stream", () -> get(this::stream)))))),
        pathSingleSlash(() -> get(() -> getFromResource("dashboard/index.html", ContentTypes.TEXT_HTML_UTF8))),
        pathPrefix("dashboard", () -> get(() -> getFromResourceDirectory("dashboard")))))));
  }

  /** Who is asking: 401 without a valid token, 429 beyond the token's rate; never echoes the token. */
  private Route authenticated(Function<Principal, Route> inner) {
    return optionalHeaderValueByName("Authorization", header -> {
      AuthResult result = ctx.authenticator().authenticate(header.orElse(null), System.currentTimeMillis());
      if (result instanceof AuthResult.Authenticated ok) {
        Principal who = ok.principal();
        long now = System.nanoTime();
        if (!ctx.rateLimiter().tryAcquire(who.name(), now)) {
          long waitNanos = ctx.rateLimiter().nanosUntilNextPermit(who.name(), now);
          long seconds = io.strikeswarm.http.auth.RateLimiter.retryAfterSeconds(waitNanos);
          return complete(Responses.error(429, "rate_limited", "too many requests for this token; retry after "
              + seconds + " s", List.of(RawHeader.create("Retry-After", Long.toString(seconds)))));
        }
        return inner.apply(who);
      }
      String why = result instanceof AuthResult.Rejected r ? "invalid token: " + r.reason()
          : "a bearer token is required (Authorization: Bearer <token>)";
      List<HttpHeader> challenge = List.of(RawHeader.create("WWW-Authenticate",
          result instanceof AuthResult.Rejected ? "Bearer error=\"invalid_token\"" : "Bearer"));
      return complete(Responses.error(401, "unauthorized", why, challenge));
    });
  }

  /** Ready when the journal answers a query and the master singleton answers with an initialized swarm. */
  private Route ready() {
    CompletionStage<String> journal = ctx.readSide().events(Master.PERSISTENCE_ID.id(), 1, 1)
        .runWith(Sink.ignore(), ctx.system()).thenApply(d -> "up").exceptionally(e -> "down: " + e.getMessage())
        .toCompletableFuture().completeOnTimeout("down: no answer", 3, java.util.concurrent.TimeUnit.SECONDS);
    CompletionStage<String> master = askMasterPlain((org.apache.pekko.actor.typed.ActorRef<SwarmView> r) ->
            new Master.GetSwarm(r))
        .thenApply(v -> v.initialized() ? "up" : "starting").exceptionally(e -> "down: no answer")
        .toCompletableFuture();
    CompletionStage<HttpResponse> answer = journal.thenCombine(master, (j, m) -> {
      boolean ready = j.equals("up") && m.equals("up") && ctx.monitor().latest().isPresent();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("ready", ready);
      body.put("checks", Map.of("journal", j, "master", m, "view", ctx.monitor().latest().isPresent() ? "up" : "starting"));
      return Responses.json(ready ? 200 : 503, body);
    });
    return completeWithFuture(answer);
  }

  private Route stream() {
    return completeOK(ctx.hub().subscribe(ctx.settings().heartbeat()), EventStreamMarshalling.toEventStream());
  }

  /** Records every request's latency under its route template. */
  private Route timed(java.util.function.Supplier<Route> inner) {
    return extractRequest(request -> {
      long started = System.nanoTime();
      String method = request.method().value();
      String route = RouteLabels.of(request.getUri().path());
      return mapResponse(response -> {
        ctx.metrics().httpRequest(method, route, response.status().intValue(), System.nanoTime() - started);
        return response;
      }, inner);
    });
  }

  private ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .match(ApiError.class, e -> complete(Responses.error(e)))
        .match(EntityStreamSizeException.class, e -> complete(Responses.error(413, "too_large",
            "the request body is larger than " + ctx.settings().maxBodyBytes() + " bytes", List.of())))
        .match(IllegalRequestException.class, e -> complete(Responses.error(400, "bad_request",
            "malformed request", List.of())))
        .matchAny(e -> {
          ctx.system().log().error("internal error serving a request: {}", e.toString());
          return complete(Responses.error(500, "internal", "internal error", List.of()));
        })
        .build();
  }

  /** Pekko's own rejections (wrong method, unreadable entity, ...) keep their status but speak JSON. */
  private RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(response -> {
      if (response.entity() instanceof HttpEntity.Strict strict
          && !strict.getContentType().equals(ContentTypes.APPLICATION_JSON)) {
        int status = response.status().intValue();
        String message = strict.getData().utf8String();
        if (status == 413 || message.contains("exceeded size limit")) {
          return Responses.error(413, "too_large",
              "the request body is larger than " + ctx.settings().maxBodyBytes() + " bytes", List.of());
        }
        String code = status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "bad_request";
        return Responses.json(status, ApiError.body(status, code, message.length() > 300
            ? message.substring(0, 300) : message)).addHeaders(response.getHeaders());
      }
      return response;
    });
  }
}
