package io.strikeswarm.swarm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActorCeilingBenchmarkTest {
  @Test
  void everyShapeDeliversExactlyTheMessagesItSentInEveryMeasuredRun() {
    var options = new ActorCeilingBenchmark.Options(100, 3, 5, 20, 10, 1, 2);

    ActorCeilingBenchmark.Result result = ActorCeilingBenchmark.run(options);

    assertThat(result.shapes()).extracting(ActorCeilingBenchmark.Shape::name).containsExactly(
        "ping-pong, 1 pair, 100 round trips", "ping-pong, 3 pairs, 100 round trips each",
        "fan-out 1 -> 5, 20 messages each, no waiting", "lockstep 1 -> 5 -> 1, 10 steps");
    // ping and pong per round trip; M per receiver; a step out and an answer back per receiver and step
    assertThat(result.shapes()).extracting(ActorCeilingBenchmark.Shape::expectedPerRun)
        .containsExactly(200L, 600L, 100L, 100L);
    for (ActorCeilingBenchmark.Shape shape : result.shapes()) {
      assertThat(shape.delivered()).as(shape.name()).hasSize(2).containsOnly(shape.expectedPerRun());
      assertThat(shape.seconds()).as(shape.name()).hasSize(2).allMatch(s -> s > 0);
      assertThat(shape.everyMessageArrived()).isTrue();
    }
  }

  @Test
  void theReportNamesEveryShapeAndTheLockstepStepRate() {
    var result = ActorCeilingBenchmark.run(new ActorCeilingBenchmark.Options(50, 2, 4, 10, 5, 0, 1));

    assertThat(result.describe()).contains("median of 1 runs after 0 warm-up runs").contains("ping-pong, 1 pair")
        .contains("ping-pong, 2 pairs").contains("fan-out 1 -> 4").contains("lockstep 1 -> 4 -> 1")
        .contains("lockstep steps/s (median)").doesNotContain("LOST");
  }

  @Test
  void aShapeThatLostAMessageSaysSo() {
    var shape = new ActorCeilingBenchmark.Shape("x", 10, List.of(10L, 9L), List.of(1.0, 1.0));

    assertThat(shape.everyMessageArrived()).isFalse();
    assertThat(shape.medianMessagesPerSecond()).isEqualTo(9.5);
  }

  @Test
  void sizesBelowOneAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ActorCeilingBenchmark.Options(0, 1, 1, 1, 1, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ActorCeilingBenchmark.Options(1, 1, 1, 1, 1, 0, 0));
  }
}
