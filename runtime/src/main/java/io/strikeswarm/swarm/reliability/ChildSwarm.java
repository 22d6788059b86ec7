package io.strikeswarm.swarm.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code swarm run} in a child JVM: its output is kept in files next to its data directory, the API address it
 * announces is picked up from its output, and it ends either by itself ({@code --exit-at-end}) or by SIGKILL.
 */
final class ChildSwarm implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("^swarm: serving http://([^/]+)/");

  private final Process process;
  private final long startedNanos = System.nanoTime();
  private final CountDownLatch serving = new CountDownLatch(1);
  private volatile URI api;
  private volatile long servingAfterNanos = -1;

  private ChildSwarm(Process process, Path stdout) {
    this.process = process;
    Thread reader = new Thread(() -> follow(stdout), "child-swarm-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code SwarmCli} with {@code args}; stdout and stderr go to {@code name}.out / .err in {@code logs}. */
  static ChildSwarm start(Launcher launcher, List<String> args, Path logs, String name) {
    try {
      Files.createDirectories(logs);
      ProcessBuilder pb = new ProcessBuilder(launcher.command(args));
      pb.environment().remove("SWARM_DATA_DIR");
      pb.environment().put("SWARM_LOG_LEVEL", "WARN");
      pb.environment().put("SWARM_METRICS_ENABLED", "false");
      pb.redirectError(logs.resolve(name + ".err").toFile());
      return new ChildSwarm(pb.start(), logs.resolve(name + ".out"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a child swarm: " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** The API's base URI once the child serves it; empty if it did not within {@code wait} (or has exited). */
  Optional<URI> awaitServing(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (serving.await(20, TimeUnit.MILLISECONDS)) return Optional.of(api);
      if (!process.isAlive()) return Optional.empty();
    }
    return Optional.empty();
  }

  /** Wall-clock milliseconds from the start to the API being served; -1 before that. */
  long startupMillis() {
    return servingAfterNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(servingAfterNanos);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL (what {@code kill -9} sends; {@link Process#destroyForcibly()} on Linux): no hook, no flush. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("child " + pid() + " did not die");
    return process.exitValue();
  }

  /** Waits for the child to exit by itself; kills it and fails if it takes longer than {@code limit}. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new IllegalStateException("child " + pid() + " did not finish within " + limit + "; killed");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void follow(Path stdout) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(stdout, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING))) {
      String line;
      while ((line = in.readLine()) != null) {
        copy.println(line);
        copy.flush();
        Matcher m = SERVING.matcher(line);
        if (api == null && m.find()) {
          api = URI.create("http://" + m.group(1));
          servingAfterNanos = System.nanoTime() - startedNanos;
          serving.countDown();
        }
      }
    } catch (IOException e) {
      // The child died mid-line (SIGKILL): what it wrote so far is in the file.
    }
  }
}
