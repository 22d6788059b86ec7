package io.strikeswarm.dex;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * A JSON-RPC connection to one node: web3j over OkHttp with short timeouts, every call run on this connection's own
 * small pool of daemon threads (never the caller's), and every failure turned into a {@link ChainException} that
 * names the call and the node. Batches go out as one JSON-RPC batch (one HTTP round trip).
 */
public final class Rpc implements AutoCloseable {

  private static final String ERROR_SELECTOR = "0x08c379a0";
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final String url;
  private final String shown;
  private final RpcSettings settings;
  private final OkHttpClient http;
  private final HttpService service;
  private final Web3j web3j;
  private final ExecutorService io;

  public Rpc(String url, RpcSettings settings) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("no rpc-url");
    this.url = url;
    this.shown = describe(url);
    this.settings = settings;
    int pool = POOLS.incrementAndGet();
    this.io = Executors.newFixedThreadPool(Math.max(1, settings.threads()), daemon("dex-rpc-" + pool + "-"));
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(daemon("dex-rpc-poll-" + pool + "-"));
    this.http = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
        // a pooled keep-alive connection to a node that restarted is stale: retry on a fresh one (every JSON-RPC call
        // made here is safe to repeat, eth_sendRawTransaction included: same bytes, same hash)
        .retryOnConnectionFailure(true)
        .connectionPool(new ConnectionPool(Math.max(1, settings.threads()), 30, TimeUnit.SECONDS))
        .build();
    this.service = new HttpService(url, http);
    // web3j's own polling (filters, receipt processors) is not used by this module; keep it short if anyone does.
    this.web3j = Web3j.build(service, 50, scheduler);
  }

  /** The node for messages: scheme, host and port only (a URL path or query may hold an API key). */
  public static String describe(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) return "<unparsable url>";
      return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "<unparsable url>";
    }
  }

  public String url() {
    return url;
  }

  public String shown() {
    return shown;
  }

  /** Request builders (ethCall, ethGetBalance, ...); send what they build with {@link #send}. */
  public Web3j web3j() {
    return web3j;
  }

  public HttpService service() {
    return service;
  }

  /** Sends one request; fails if the node is unreachable or answers with a JSON-RPC error. */
  public <T extends Response<?>> CompletableFuture<T> send(Request<?, T> request) {
    return sendAllowingError(request).thenApply(r -> {
      if (r.hasError()) throw rejected(request.getMethod(), r.getError());
      return r;
    });
  }

  /** Sends one request; a JSON-RPC error is returned in the response (for callers that interpret it). */
  public <T extends Response<?>> CompletableFuture<T> sendAllowingError(Request<?, T> request) {
    String method = request.getMethod();
    return supply(method, () -> {
      T r = request.send();
      if (r == null) throw new ChainException("rpc " + shown + " gave no answer to " + method);
      return r;
    });
  }

  /** A method web3j has no builder for ({@code evm_snapshot}, {@code anvil_setBalance}, ...). */
  public <T extends Response<?>> CompletableFuture<T> custom(String method, List<?> params, Class<T> type) {
    return send(new Request<>(method, params, service, type));
  }

  /**
   * Sends the requests as one JSON-RPC batch and returns the responses in request order (matched by id). Each
   * response may carry its own JSON-RPC error; transport failures fail the whole batch.
   */
  public <T extends Response<?>> CompletableFuture<List<T>> batch(String what, List<? extends Request<?, T>> requests) {
    if (requests.isEmpty()) return CompletableFuture.completedFuture(List.of());
    return supply(what, () -> {
      BatchRequest batch = new BatchRequest(service);
      requests.forEach(batch::add);
      BatchResponse response = batch.send();
      List<? extends Response<?>> answers = response.getResponses();
      Map<Long, Response<?>> byId = new HashMap<>();
      for (Response<?> r : answers) byId.put(r.getId(), r);
      List<T> out = new ArrayList<>(requests.size());
      for (Request<?, T> q : requests) {
        Response<?> r = byId.get(q.getId());
        if (r == null) {
          throw new ChainException("rpc " + shown + " left request " + q.getId() + " of " + what + " unanswered");
        }
        @SuppressWarnings("unchecked") T t = (T) r;
        out.add(t);
      }
      return out;
    });
  }

  /** A JSON-RPC error as a failure that names the call; revert data is decoded to its reason string. */
  public ChainException rejected(String method, Response.Error error) {
    return new ChainException(method + " rejected by " + shown + ": " + errorText(error));
  }

  /** The node's message, with an {@code Error(string)} revert reason decoded when the error carries one. */
  public static String errorText(Response.Error error) {
    String reason = revertReason(error.getData());
    String message = error.getMessage() == null ? "error " + error.getCode() : error.getMessage();
    if (reason != null && !message.contains(reason)) return message + ": " + reason;
    return message;
  }

  /** Decodes {@code Error(string)} revert data ({@code 0x08c379a0...}); {@code null} if it is not that. */
  public static String revertReason(String data) {
    if (data == null) return null;
    String d = data.trim();
    if (d.startsWith("\"") && d.endsWith("\"") && d.length() >= 2) d = d.substring(1, d.length() - 1);
    if (!d.startsWith(ERROR_SELECTOR)) return null;
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      List<TypeReference<Type>> out = (List) List.of(new TypeReference<Utf8String>() {});
      List<Type> decoded = FunctionReturnDecoder.decode(d.substring(ERROR_SELECTOR.length()), out);
      return decoded.isEmpty() ? null : ((Utf8String) decoded.get(0)).getValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Waits for a stage in code that may block (the local harness); rethrows its {@link ChainException} as is. */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted while waiting for the node");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** The {@link ChainException} behind a stage's failure (or a new one naming an unexpected error). */
  public static RuntimeException unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RuntimeException r) return r;
    return new ChainException(String.valueOf(e));
  }

  /** A stage that fails with the bare cause (not wrapped in {@code CompletionException}) of {@code stage}'s failure. */
  public static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> stage) {
    CompletableFuture<T> out = new CompletableFuture<>();
    stage.whenComplete((v, e) -> {
      if (e == null) out.complete(v);
      else out.completeExceptionally(unwrap(e));
    });
    return out;
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> CompletableFuture<T> supply(String method, IoCall<T> call) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      io.execute(() -> {
        try {
          f.complete(call.call());
        } catch (Throwable e) {
          f.completeExceptionally(transport(method, e));
        }
      });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new ChainException("rpc " + shown + " client is closed (" + method + ")"));
    }
    return f;
  }

  private RuntimeException transport(String method, Throwable e) {
    if (e instanceof ChainException c) return c;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
      return new ChainException("rpc " + shown + " unreachable (" + method + "): " + text(root));
    }
    if (hasCause(e, EOFException.class)) {
      return new ChainException("rpc " + shown + " unreachable (" + method + "): the node closed the connection");
    }
    if (hasCause(e, InterruptedIOException.class)) {
      return new ChainException("rpc " + shown + " timed out (" + method + ") after "
          + settings.readTimeout().toMillis() + " ms");
    }
    if (e instanceof ClientConnectionException) {
      return new ChainException("rpc " + shown + " answered " + method + " with an HTTP error: " + e.getMessage());
    }
    if (e instanceof IOException) {
      return new ChainException("rpc " + shown + " failed (" + method + "): " + text(root));
    }
    if (e instanceof RuntimeException r) return r;
    return new ChainException("rpc " + shown + " failed (" + method + "): " + text(root));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  private static String text(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    io.shutdownNow();
    web3j.shutdown();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "Rpc[" + shown + "]";
  }
}
