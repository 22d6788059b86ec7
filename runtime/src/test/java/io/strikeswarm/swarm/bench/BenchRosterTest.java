package io.strikeswarm.swarm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRosterTest {
  @TempDir Path dir;

  private SwarmConfig plan() {
    return SwarmSettings.from(SwarmRuntime.loadConfig(dir, ConfigFactory.empty())).swarm();
  }

  @Test
  void fiftyBotsAreTheDefaultSwarmsTwentyFiveLongAndTwentyFiveShortBotsWithTheirCapital() {
    SwarmConfig plan = plan();

    List<BenchRoster.BenchBot> bots = BenchRoster.of(plan, "x", 50);

    assertThat(bots).filteredOn(b -> b.config().side() == Side.LONG).hasSize(25);
    assertThat(bots).filteredOn(b -> b.config().side() == Side.SHORT).hasSize(25);
    var templates = plan.diamond(io.strikeswarm.master.capital.DiamondKind.LONG_STRIKE).templates();
    for (int t = 0; t < 25; t++) {
      assertThat(bots.get(2 * t).config()).isEqualTo(templates.get(t).toConfig(Side.LONG));
      assertThat(bots.get(2 * t + 1).config().strategy()).isEqualTo(templates.get(t).strategy());
    }
    assertThat(bots).extracting(BenchRoster.BenchBot::capital).containsOnly(new BigDecimal("7600.00"));
    assertThat(bots).extracting(BenchRoster.BenchBot::id).doesNotHaveDuplicates()
        .startsWith("x-long-00000", "x-short-00001");
  }

  @Test
  void moreBotsThanTemplatesCycleThroughTheTemplates() {
    List<BenchRoster.BenchBot> bots = BenchRoster.of(plan(), "m", 10_000);

    assertThat(bots).hasSize(10_000);
    assertThat(bots.get(50).config()).isEqualTo(bots.get(0).config());
    assertThat(bots.get(9_999).config()).isEqualTo(bots.get(49).config());
  }
}
