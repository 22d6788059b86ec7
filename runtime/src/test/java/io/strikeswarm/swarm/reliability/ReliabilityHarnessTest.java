package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability harness, end to end, as `swarm reliability` runs it: crash trials that SIGKILL a real
 * `swarm run` child JVM again and again, then the bad-data trial. Short form here (10 kills of a 4+4 swarm on the
 * Binance.US ETH-USD bars); {@code -Dreliability.long=true} runs the long form (50 kills of the default 25+25 swarm
 * on both built-in data sets); {@code -Dreliability.seed=S} repeats a run's choices.
 */
@Tag("slow")
class ReliabilityHarnessTest {
  private static final boolean LONG = Boolean.getBoolean("reliability.long");

  @TempDir Path work;

  @Test
  void killedAgainAndAgainTheSwarmLosesNothingDoesNothingTwiceAndEndsWithTheUninterruptedLedger() throws Exception {
    long seed = Long.getLong("reliability.seed", new SecureRandom().nextLong());
    int kills = LONG ? 50 : 10;
    ReliabilityOptions options = new ReliabilityOptions(kills, seed,
        LONG ? BacktestOptions.DEFAULT_DATA : List.of("builtin:binanceus-ethusd-5m-2023"), LONG ? 25 : 4,
        LONG ? 25 : 4, work, ReliabilityOptions.ALL).validate();
    StringWriter console = new StringWriter();

    ReliabilityRun.Result result = ReliabilityRun.run(options, ConfigFactory.empty(), new PrintWriter(console, true));

    String report = "seed " + seed + ":\n" + console;
    CrashReport crash = result.crash();
    // A known, unfixed defect of H2 2.5.252 (docs/reliability.md, "What the first long run found"): about one SIGKILL
    // in ninety leaves a row uncommitted and locked for good, and the runs after it cannot finish. When it strikes,
    // this run says so and is reported as skipped — visibly, with its seed — instead of failing CI about one run in
    // ten for a defect outside the swarm; every other check below fails the test as before. The long form
    // (-Dreliability.long=true) keeps it a failure.
    if (!LONG) {
      Assumptions.assumeTrue(crash.leftovers() == 0, () -> "KNOWN H2 DEFECT struck (uncommitted row left locked by a"
          + " killed process); crash checks not judged for this run; " + report);
    }
    assertThat(crash.leftovers()).as("uncommitted rows a killed process left in H2; %s", report).isZero();
    assertThat(crash.kills()).as(report).isEqualTo(kills);
    assertThat(crash.lost()).as(report).isZero();
    assertThat(crash.twice()).as(report).isZero();
    assertThat(crash.recoveryMismatches()).as(report).isZero();
    assertThat(crash.botsRecovered()).as(report).isPositive();
    assertThat(crash.unbalancedBooks()).as(report).isZero();
    assertThat(crash.ledgerIdentical()).as(report).isTrue();
    assertThat(crash.trades()).as(report).isPositive();
    assertThat(crash.journalDifferences()).as(report).isEmpty();
    assertThat(result.badData().problems()).as(report).isEmpty();
    assertThat(result.badData().rejectedFound().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
    assertThat(result.passed()).as(report).isTrue();
    assertThat(console.toString()).contains("reliability: PASSED");
  }
}
