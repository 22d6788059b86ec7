package io.strikeswarm.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void everyRecoveryWithSnapshotsRestoresEveryBotWithAllTheEventsItWrote() throws Exception {
    // run() itself refuses a recovery in which any bot holds another number of events than it wrote.
    JournalBenchmark.Result r = JournalBenchmark.run(tmp.resolve("snap"), 3, 12, 4, 2);

    assertThat(r.bots()).isEqualTo(3);
    assertThat(r.eventsPerBot()).isEqualTo(12);
    assertThat(r.snapshotEvery()).isEqualTo(4);
    assertThat(r.recoverySeconds()).hasSize(2).allMatch(s -> s > 0);
    assertThat(r.eventsPerSecond()).isEqualTo(3 * 12 / r.writeSeconds());
  }

  @Test
  void withoutSnapshotsEveryBotIsRecoveredFromItsEventsAlone() throws Exception {
    JournalBenchmark.Result r = JournalBenchmark.run(tmp.resolve("nosnap"), 2, 8, 0, 1);

    assertThat(r.snapshotEvery()).isZero();
    assertThat(r.recoverySeconds()).hasSize(1);
    assertThat(r.medianRecovery()).isEqualTo(r.recoverySeconds().get(0));
  }
}
