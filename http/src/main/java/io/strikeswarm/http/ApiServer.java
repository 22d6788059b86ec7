package io.strikeswarm.http;

import io.strikeswarm.http.api.ApiContext;
import io.strikeswarm.http.api.ApiRoutes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/** Binds the API and dashboard; unbinds through CoordinatedShutdown, letting requests in flight finish. */
public final class ApiServer {
  private ApiServer() {}

  public static ServerBinding start(ApiContext ctx, String host, int port, Duration timeout) {
    try {
      ServerBinding binding = Http.get(ctx.system()).newServerAt(host, port)
          .bind(new ApiRoutes(ctx).routes())
          .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      binding.addToCoordinatedShutdown(Duration.ofSeconds(10), ctx.system());
      return binding;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
    }
  }
}
