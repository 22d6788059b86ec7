package io.strikeswarm.swarm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.SwarmRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotMemoryBenchmarkTest {
  @TempDir Path dir;

  @Test
  void readsTheHeapWithTheWarmUpBotsThenHalfThenAllBotsThenAfterTheirBars() {
    var options = new BotMemoryBenchmark.Options(6, 2, 40, Duration.ofSeconds(30));

    BotMemoryBenchmark.Result result = BotMemoryBenchmark.run(SwarmRuntime.loadConfig(dir, ConfigFactory.empty()),
        options);

    // Entities alive in the shard region at each reading: the warm-up bots, then 3 more, then all 6 more.
    assertThat(result.readings()).extracting(BotMemoryBenchmark.Reading::entities).containsExactly(2L, 5L, 8L, 8L);
    assertThat(result.readings()).allMatch(r -> r.heapBytes() > 0);
    assertThat(result.botBarsFed()).isEqualTo(6 * 40);
    // Each bot commits at least the market mark of its last bar.
    assertThat(result.eventsCommitted()).isGreaterThanOrEqualTo(6);
    assertThat(result.bytesPerBot())
        .isEqualTo((result.all().heapBytes() - result.baseline().heapBytes()) / 6.0);
    assertThat(result.marginalBytesPerBot())
        .isEqualTo((result.all().heapBytes() - result.half().heapBytes()) / 3.0);
    assertThat(result.describe()).contains("bytes per bot, configured and funded").contains("bytes per bot, marginal")
        .contains("bytes per bot with market memory (240 bot-bars fed");
  }

  @Test
  void withoutBarsThereIsNoMarketMemoryReading() {
    var result = BotMemoryBenchmark.run(SwarmRuntime.loadConfig(dir, ConfigFactory.empty()),
        new BotMemoryBenchmark.Options(2, 0, 0, Duration.ofSeconds(30)));

    assertThat(result.readings()).extracting(BotMemoryBenchmark.Reading::entities).containsExactly(0L, 1L, 2L);
    assertThat(result.withMarketMemory()).isEmpty();
    assertThat(result.describe()).doesNotContain("market memory");
  }

  @Test
  void fewerThanTwoBotsHaveNoHalfAndAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BotMemoryBenchmark.Options(1, 0, 0, Duration.ofSeconds(1)));
  }
}
