package io.strikeswarm.persistence.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/cassandra.sh refuses what it cannot do at once, saying why, and starts nothing then. */
class CassandraScriptTest {
  @TempDir Path home;

  private record Outcome(int exit, String output) {}

  private Outcome run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", CassandraServer.findScript().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void status_of_a_home_without_a_server_says_not_running_with_exit_code_3() throws Exception {
    Outcome status = run("status", "--dir", home.toString());
    assertThat(status.exit()).isEqualTo(3);
    assertThat(status.output()).contains("not running");
    Outcome stop = run("stop", "--dir", home.toString());
    assertThat(stop.exit()).isZero();
  }

  @Test
  void bad_options_are_refused_naming_them() throws Exception {
    assertThat(run("start", "--dir", home.toString(), "--cql-port", "nine")).satisfies(o -> {
      assertThat(o.exit()).isEqualTo(1);
      assertThat(o.output()).contains("CQL_PORT must be a number, got 'nine'");
    });
    assertThat(run("start", "--dir", home.toString(), "--cql-port", "7000", "--storage-port", "7000"))
        .satisfies(o -> assertThat(o.output()).contains("must differ"));
    assertThat(run("start", "--dir", home.toString(), "--frobnicate")).satisfies(o -> {
      assertThat(o.exit()).isEqualTo(1);
      assertThat(o.output()).contains("unknown option '--frobnicate'");
    });
  }

  @Test
  void a_start_on_a_port_already_in_use_is_refused_before_anything_starts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Outcome start = run("start", "--dir", home.toString(), "--cql-port", Integer.toString(taken.getLocalPort()));
      assertThat(start.exit()).isEqualTo(1);
      assertThat(start.output()).contains("127.0.0.1:" + taken.getLocalPort() + " is already in use");
      assertThat(Files.exists(home.resolve("cassandra.pid"))).isFalse();
    }
  }
}
