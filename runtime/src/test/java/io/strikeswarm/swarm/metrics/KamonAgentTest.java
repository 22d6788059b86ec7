package io.strikeswarm.swarm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kamon's agent on Java 17, attached by {@code Kamon.init} itself, in JVMs of their own: the agent changes the
 * classes of the JVM it attaches to for good, which no other test in this JVM should run with.
 */
@Tag("slow")
class KamonAgentTest {
  @TempDir Path dir;

  @Test
  void aNodeStartedAfterKamonExportsPekkoShardingExecutorHttpJdbcAndJvmSeries() throws Exception {
    int port = KamonFixture.freePort();
    List<String> out = run(120, InstrumentationProbe.class.getName(), dir.resolve("data").toString(),
        Integer.toString(port));
    Set<String> exported = new TreeSet<>();
    for (String line : out) {
      if (line.startsWith("FAMILY ")) exported.add(line.split(" ")[1]);
    }
    assertThat(exported).containsAll(KamonSeries.NAMES);
    assertThat(exported).contains("swarm_fills_total", "swarm_signals_total");
  }

  @Test
  void theJvmExitsOnceTheActorSystemHasTerminatedAndKamonIsStopped() throws Exception {
    List<String> out = run(60, ExitProbe.class.getName(), Integer.toString(KamonFixture.freePort()), "on", "true",
        "stop");
    assertThat(out).contains("TERMINATED");
  }

  /** Runs a main class of the test classpath to its exit, which must come within the limit; its stdout lines. */
  private List<String> run(int limitSeconds, String mainClass, String... args) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    Path stdout = dir.resolve(mainClass + ".out");
    Path stderr = dir.resolve(mainClass + ".err");
    Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    boolean exited = child.waitFor(limitSeconds, TimeUnit.SECONDS);
    if (!exited) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(exited).as("%s exited within %d s; stderr:%n%s", mainClass, limitSeconds, read(stderr)).isTrue();
    assertThat(child.exitValue()).as("exit code; stderr:%n%s", read(stderr)).isZero();
    return Files.readAllLines(stdout, StandardCharsets.UTF_8);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
