package io.strikeswarm.swarm.reliability;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.strikeswarm.swarm.NodeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration every swarm of a crash trial runs with, written to a file and passed as {@code --config}: the
 * operator's own overrides, then what makes runs comparable — bot counts, templates moved onto the instruments the
 * data holds (round robin, as a backtest does), no wall-clock rebalancing (it would move capital at
 * machine-dependent moments), no Prometheus endpoint and Management on a free port (several swarms start one after
 * the other, and the harness may run beside an operated swarm).
 */
final class TrialConfig {
  private TrialConfig() {}

  static String render(Path dataDirectory, Config userOverrides, int longBots, int shortBots,
      List<String> instruments) {
    Config base = NodeConfig.load(dataDirectory, userOverrides);
    Config config = userOverrides
        .withValue("swarm.diamonds.long-strike.bots", ConfigValueFactory.fromAnyRef(longBots))
        .withValue("swarm.diamonds.short-strike.bots", ConfigValueFactory.fromAnyRef(shortBots))
        .withValue("swarm.diamonds.long-strike.templates",
            onInstruments(base.getList("swarm.diamonds.long-strike.templates"), instruments))
        .withValue("swarm.diamonds.short-strike.templates",
            onInstruments(base.getList("swarm.diamonds.short-strike.templates"), instruments))
        .withValue("swarm.rebalance.interval", ConfigValueFactory.fromAnyRef("0s"))
        .withValue("swarm.metrics.enabled", ConfigValueFactory.fromAnyRef(false))
        .withValue("swarm.management.port", ConfigValueFactory.fromAnyRef(0));
    return config.root().render(ConfigRenderOptions.concise().setFormatted(true)) + "\n";
  }

  private static ConfigList onInstruments(ConfigList templates, List<String> instruments) {
    List<ConfigValue> moved = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      ConfigObject t = (ConfigObject) templates.get(i);
      String instrument = t.toConfig().getString("instrument");
      if (!instruments.contains(instrument)) {
        t = t.withValue("instrument", ConfigValueFactory.fromAnyRef(instruments.get(i % instruments.size())));
      }
      moved.add(t);
    }
    return ConfigValueFactory.fromIterable(moved);
  }
}
