package io.strikeswarm.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandsTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run swarm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = SwarmCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void benchActorsPrintsTheMachineAndOneRowPerShape() {
    Run run = swarm("bench-actors", "--round-trips", "50", "--pairs", "2", "--workers", "3", "--messages", "10",
        "--steps", "5", "--warmups", "0", "--runs", "1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("cpus").contains("ping-pong, 1 pair, 50 round trips")
        .contains("ping-pong, 2 pairs").contains("fan-out 1 -> 3, 10 messages each").contains("lockstep 1 -> 3 -> 1, 5 steps");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bench-actors --runs 0 | bench-actors: --warmups must be >= 0 and --runs >= 1",
      "bench-memory --bots 1 | bench-memory: --bots must be >= 2, got 1",
      "bench-latency --bots 1,0 | bench-latency: --bots must be one or more counts >= 1, got [1, 0]"})
  void impossibleSizesStopTheBenchmarkBeforeItStartsAnything(String args, String message) {
    Path data = tmp.resolve("data");
    String[] words = ("--data-dir " + data + " " + args).split(" ");

    Run run = swarm(words);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("nothing was started");
    assertThat(data).doesNotExist();
  }
}
