package io.strikeswarm.dex.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local anvil node (the binary from {@code evm/node_modules}, never {@code npx}) on a loopback port, for tests and
 * the demo. Started with {@code --host 127.0.0.1 --port P --silent}, ready once it answers {@code eth_chainId}
 * (typically well under a second). With a state file ({@code --state}) the chain survives a {@link #stop()} /
 * {@link #restart()}: anvil dumps accounts, blocks, transactions and receipts on SIGTERM and loads them on start.
 * Stopped by PID: SIGTERM, then SIGKILL if it has not exited after {@link Options#stopTimeout()}.
 */
public final class AnvilNode implements AutoCloseable {

  /** The chain id anvil uses unless told otherwise. */
  public static final long CHAIN_ID = 31337;

  /**
   * How to run anvil. {@code port} 0 picks a free loopback port. {@code accounts} dev accounts (from anvil's standard
   * mnemonic, see {@link AnvilAccounts}) start with {@code balanceEther} each. {@code stateFile} (nullable) makes the
   * chain restartable; {@code blockTimeSec} (nullable) mines on an interval instead of one block per transaction.
   */
  public record Options(int port, int accounts, long balanceEther, Path stateFile, Integer blockTimeSec,
      Duration startTimeout, Duration stopTimeout) {

    public static Options defaults() {
      return new Options(0, 10, 10_000, null, null, Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    public Options withPort(int p) {
      return new Options(p, accounts, balanceEther, stateFile, blockTimeSec, startTimeout, stopTimeout);
    }

    public Options withAccounts(int n, long etherEach) {
      return new Options(port, n, etherEach, stateFile, blockTimeSec, startTimeout, stopTimeout);
    }

    public Options withState(Path file) {
      return new Options(port, accounts, balanceEther, file, blockTimeSec, startTimeout, stopTimeout);
    }

    public Options withBlockTime(Integer seconds) {
      return new Options(port, accounts, balanceEther, stateFile, seconds, startTimeout, stopTimeout);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong();

  private final Path binary;
  private final Options options;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private volatile Process process;
  private volatile int port;
  private volatile Thread shutdownHook;
  private volatile Duration lastStartTime = Duration.ZERO;

  private AnvilNode(Path binary, Options options, Path log) {
    this.binary = binary;
    this.options = options;
    this.log = log;
  }

  /** Installs the npm packages if needed, then starts anvil. */
  public static AnvilNode start(Options options) {
    Path evm = EvmPackages.ensureInstalled();
    return start(EvmPackages.anvilBinary(evm), options);
  }

  public static AnvilNode start() {
    return start(Options.defaults());
  }

  public static AnvilNode start(Path binary, Options options) {
    Path log;
    try {
      log = options.stateFile() != null
          ? options.stateFile().resolveSibling(options.stateFile().getFileName() + ".anvil.log")
          : Files.createTempFile("anvil-", ".log");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create anvil's log file: " + e.getMessage(), e);
    }
    AnvilNode node = new AnvilNode(binary, options, log);
    if (options.port() != 0) {
      node.launch(options.port());
      return node;
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        node.launch(freePort());
        return node;
      } catch (IllegalStateException e) {
        last = e; // most likely another process took the free port first: try another
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
    }
  }

  private synchronized void launch(int onPort) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--host", "127.0.0.1", "--port",
        Integer.toString(onPort), "--silent", "--accounts", Integer.toString(options.accounts()), "--balance",
        Long.toString(options.balanceEther())));
    if (options.stateFile() != null) cmd.addAll(List.of("--state", options.stateFile().toString()));
    if (options.blockTimeSec() != null) cmd.addAll(List.of("--block-time", options.blockTimeSec().toString()));
    long started = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start anvil (" + binary + "): " + e.getMessage(), e);
    }
    this.process = p;
    this.port = onPort;
    long deadline = started + options.startTimeout().toNanos();
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("anvil on port " + onPort + " exited with code " + p.exitValue() + ": "
            + EvmPackages.tail(log, 10));
      }
      if (answers()) {
        sleep(30);
        if (p.isAlive()) break; // (a node that answered while ours died binding the port was not ours)
        continue;
      }
      if (System.nanoTime() > deadline) {
        kill(p);
        throw new IllegalStateException("anvil on port " + onPort + " did not answer eth_chainId within "
            + options.startTimeout().toMillis() + " ms: " + EvmPackages.tail(log, 10));
      }
      sleep(10);
    }
    lastStartTime = Duration.ofNanos(System.nanoTime() - started);
    Thread hook = new Thread(() -> stopProcess(p), "anvil-" + onPort + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    this.shutdownHook = hook;
  }

  private boolean answers() {
    try {
      return call("eth_chainId", List.of(), Duration.ofMillis(500)).isTextual();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The process id of the running anvil. */
  public long pid() {
    Process p = process;
    if (p == null) throw new IllegalStateException("anvil is not running");
    return p.pid();
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public Options options() {
    return options;
  }

  /** How long the last (re)start took until anvil answered. */
  public Duration lastStartTime() {
    return lastStartTime;
  }

  public Path logFile() {
    return log;
  }

  /** {@code evm_snapshot}: an id to {@link #revert} to. */
  public String snapshot() {
    return call("evm_snapshot", List.of(), Duration.ofSeconds(10)).asText();
  }

  /** {@code evm_revert}: the chain as it was at the snapshot (which is consumed: take a new one to revert again). */
  public void revert(String snapshotId) {
    if (!call("evm_revert", List.of(snapshotId), Duration.ofSeconds(10)).asBoolean()) {
      throw new IllegalStateException("anvil refused evm_revert to snapshot " + snapshotId);
    }
  }

  /** {@code anvil_setBalance}: sets an account's native balance (a harness shortcut, not a transaction). */
  public void setBalance(String address, BigInteger wei) {
    call("anvil_setBalance", List.of(address, "0x" + wei.toString(16)), Duration.ofSeconds(10));
  }

  /**
   * One JSON-RPC call, blocking; returns {@code result}. For harness plumbing only: the bots' path is
   * {@link io.strikeswarm.dex.Web3jChain}.
   */
  public JsonNode call(String method, List<?> params, Duration timeout) {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", IDS.incrementAndGet());
    body.put("method", method);
    body.set("params", JSON.valueToTree(params));
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rpcUrl())).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build(), HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(r.body());
      if (answer.has("error")) {
        throw new IllegalStateException(method + " rejected by anvil at " + rpcUrl() + ": " + answer.get("error"));
      }
      return answer.get("result");
    } catch (IOException e) {
      throw new IllegalStateException("anvil at " + rpcUrl() + " unreachable (" + method + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling anvil (" + method + ")");
    }
  }

  /** Stops anvil by PID: SIGTERM (anvil then writes its state file), SIGKILL after the stop timeout. */
  public synchronized void stop() {
    Process p = process;
    if (p == null) return;
    stopProcess(p);
    process = null;
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down
      }
    }
  }

  private void stopProcess(Process p) {
    Optional<ProcessHandle> handle = ProcessHandle.of(p.pid());
    if (handle.isEmpty() || !handle.get().isAlive()) return;
    handle.get().destroy();
    try {
      if (!p.waitFor(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) kill(p);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(p);
    }
  }

  private static void kill(Process p) {
    ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops anvil and starts it again on the same port with the same options (and so the same state file). */
  public synchronized void restart() {
    int samePort = port;
    stop();
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    while (true) {
      try {
        launch(samePort);
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) throw e;
        sleep(100); // the port may linger for a moment after the old process exits
      }
    }
  }

  @Override
  public void close() {
    stop();
    if (options.stateFile() == null) {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  @Override
  public String toString() {
    return "AnvilNode[" + rpcUrl() + (isRunning() ? " pid " + pid() : " stopped") + "]";
  }
}
