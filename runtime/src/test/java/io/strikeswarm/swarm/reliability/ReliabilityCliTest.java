package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.swarm.SwarmCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `swarm reliability` refuses options it cannot run, naming them, before it starts or writes anything. */
class ReliabilityCliTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--only crash,venue | --only: unknown trial 'venue' (crash, bad-data)",
      "--trials -1 | --trials must be in [0, 10000], got -1",
      "--bots long=0,short=0 | --bots: the swarm needs at least one bot",
      "--bots long=x | --bots: 'x' is not a whole number"})
  void aBadOptionStopsBeforeAnythingIsWrittenNamingIt(String options, String message) {
    Path data = tmp.resolve("data");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--data-dir", data.toString(),
        "reliability"));
    args.addAll(java.util.List.of(options.split(" ")));
    StringWriter err = new StringWriter();
    int exit = SwarmCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));

    assertThat(exit).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("reliability: " + message).contains("nothing was started and nothing was written");
    assertThat(data).doesNotExist();
  }
}
