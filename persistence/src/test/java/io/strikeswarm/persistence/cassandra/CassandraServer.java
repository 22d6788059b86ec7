package io.strikeswarm.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Cassandra 5 server for tests, run by {@code scripts/cassandra.sh} (the same script and flags a developer
 * uses) in a temporary home on free loopback ports, and stopped by its PID. {@link #stop()} / {@link #kill()} and
 * {@link #start()} again keep the data and the ports, for restart tests. The script ends the server by itself if this
 * JVM dies first, so no test run leaves a server behind.
 *
 * <p>{@link #shared()} is one server for every test class of a JVM that does not stop it; a test that stops or kills
 * its server starts its own with {@link #startNew()}.
 */
public final class CassandraServer implements AutoCloseable {
  private static final long SCRIPT_TIMEOUT_S = 300;
  private static CassandraServer shared;

  private final Path home;
  private final int cqlPort;
  private final int storagePort;
  private final Path script;
  private boolean running;

  private CassandraServer(Path home, int cqlPort, int storagePort, Path script) {
    this.home = home;
    this.cqlPort = cqlPort;
    this.storagePort = storagePort;
    this.script = script;
  }

  /** A new server in a temporary home on free ports, started and answering CQL. */
  public static CassandraServer startNew() {
    try {
      Path home = Files.createTempDirectory("cassandra-test-");
      int[] ports = freePorts(2);
      CassandraServer server = new CassandraServer(home, ports[0], ports[1], findScript());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM's shared server (started on first use, stopped when the JVM exits). Never stop it in a test. */
  public static synchronized CassandraServer shared() {
    if (shared == null) {
      shared = startNew();
      CassandraServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cassandra-test-server-stop"));
    }
    return shared;
  }

  /** Starts the server (again, on the same data and ports) and waits until CQL answers. */
  public synchronized void start() {
    run("start", "--owner-pid", Long.toString(ProcessHandle.current().pid()));
    running = true;
  }

  /** Stops the server by its PID: SIGTERM, then SIGKILL if it has not ended within the script's bound. */
  public synchronized void stop() {
    run("stop");
    running = false;
  }

  /** Kills the server by its PID with SIGKILL: a crash. Acknowledged writes are in its commit log. */
  public synchronized void kill() {
    run("kill");
    running = false;
  }

  public synchronized boolean running() {
    return running;
  }

  /** The server's PID while it runs, from its PID file. */
  public Optional<Long> pid() {
    try {
      Path file = home.resolve("cassandra.pid");
      return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code host:port} the driver connects to. */
  public String contactPoint() {
    return "127.0.0.1:" + cqlPort;
  }

  public int cqlPort() {
    return cqlPort;
  }

  public Path home() {
    return home;
  }

  /** Stops the server if it runs and deletes its home. */
  @Override
  public synchronized void close() {
    if (running) stop();
    deleteTree(home);
  }

  private void run(String command, String... extra) {
    List<String> args = new ArrayList<>(List.of("bash", script.toString(), command, "--dir", home.toString(),
        "--cql-port", Integer.toString(cqlPort), "--storage-port", Integer.toString(storagePort)));
    args.addAll(List.of(extra));
    Path log = home.resolve("script-" + command + ".log");
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("scripts/cassandra.sh " + command + " did not finish in " + SCRIPT_TIMEOUT_S
            + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("scripts/cassandra.sh " + command + " failed (exit " + process.exitValue()
            + "):\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running scripts/cassandra.sh " + command, e);
    }
  }

  /** scripts/cassandra.sh of this checkout: tests run in a module directory, so it is found upwards. */
  static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve("cassandra.sh");
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new IllegalStateException("scripts/cassandra.sh not found above " + Path.of("").toAbsolutePath());
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) s.close();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover temporary directory is harmless; a server left running is not, and stop() already ran.
    }
  }
}
