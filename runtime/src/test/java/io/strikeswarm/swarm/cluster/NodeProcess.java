package io.strikeswarm.swarm.cluster;

import io.strikeswarm.swarm.SwarmCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One swarm node in a JVM of its own: {@code swarm --config FILE --data-dir DIR run} started from the test classpath,
 * on loopback ports. Its stderr (the log) goes to a file the test reads. Stopped by its PID: SIGKILL for a crash,
 * SIGTERM for a graceful stop.
 */
final class NodeProcess implements AutoCloseable {
  final String name;
  final Ports ports;
  final Path log;
  private final Process process;
  private volatile boolean killed;

  /** The ports a node listens on, all picked free on 127.0.0.1. */
  record Ports(int artery, int management, int http) {
    static Ports free() throws IOException {
      return new Ports(freePort(), freePort(), freePort());
    }
  }

  private NodeProcess(String name, Ports ports, Path log, Process process) {
    this.name = name;
    this.ports = ports;
    this.log = log;
    this.process = process;
  }

  static NodeProcess start(String name, Ports ports, Path config, Path dataDir, String... runOptions)
      throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx384m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback-cluster-node.xml", "-cp", classpath, SwarmCli.class.getName(), "--config", config.toString(),
        "--data-dir", dataDir.toString(), "run"));
    command.addAll(List.of(runOptions));
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("node.log");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return new NodeProcess(name, ports, log, pb.start());
  }

  long pid() {
    return process.pid();
  }

  /** Whether this node was SIGKILLed on purpose (by {@link #kill()}). */
  boolean killed() {
    return killed;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no leaving the cluster; the others must notice and down it. */
  void kill() throws InterruptedException {
    killed = true;
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: CoordinatedShutdown runs, the node hands over its shards and singletons and leaves the cluster. */
  void terminate() {
    process.destroy();
  }

  boolean awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, and SIGKILL if it has not exited 20 s later. */
  @Override
  public void close() throws InterruptedException {
    closeAll(List.of(this));
  }

  /** SIGTERM to every node at once (each leaves the cluster gracefully), then SIGKILL to any still running 20 s later. */
  static void closeAll(List<NodeProcess> nodes) throws InterruptedException {
    for (NodeProcess node : nodes) if (node.process.isAlive()) node.process.destroy();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (NodeProcess node : nodes) {
      long left = Math.max(0, deadline - System.nanoTime());
      if (!node.process.waitFor(left, TimeUnit.NANOSECONDS)) node.kill();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
