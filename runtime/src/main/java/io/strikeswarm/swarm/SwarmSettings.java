package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.RebalanceSettings;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the runtime reads from the {@code swarm} section of the configuration, checked in full before the
 * actor system starts. Any problem is a {@link ConfigError} naming the setting.
 */
public record SwarmSettings(SwarmConfig swarm, BotSettings bots, DiamondSupervisor.Settings diamonds,
    Duration startupTimeout) {

  public static SwarmSettings from(Config config) {
    try {
      Config s = config.getConfig("swarm");
      Map<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(DiamondKind.class);
      for (DiamondKind kind : DiamondKind.values()) diamonds.put(kind, diamond(s, kind));
      RebalanceSettings rebalance = new RebalanceSettings(decimal(s, "rebalance.step"),
          s.getInt("rebalance.max-pairs"), decimal(s, "rebalance.min-factor"), decimal(s, "rebalance.max-factor"),
          s.getDuration("rebalance.interval"));
      SwarmConfig swarm = new SwarmConfig(decimal(s, "capital.total"), decimal(s, "capital.reserve"), diamonds,
          rebalance).validate();
      int snapshotEvery = s.getInt("bots.snapshot-every");
      if (snapshotEvery < 0) throw new ConfigError("swarm.bots.snapshot-every", "must be >= 0, got " + snapshotEvery);
      BotSettings bots = new BotSettings(snapshotEvery, BotSettings.DEFAULT.minBackoff(),
          BotSettings.DEFAULT.maxBackoff());
      return new SwarmSettings(swarm, bots, DiamondSupervisor.Settings.defaults(rebalance),
          s.getDuration("startup-timeout"));
    } catch (ConfigException e) {
      throw new ConfigError(settingOf(e), String.valueOf(e.getMessage()));
    }
  }

  private static DiamondConfig diamond(Config s, DiamondKind kind) {
    String base = "diamonds." + kind.id();
    int bots = s.getInt(base + ".bots");
    List<BotTemplate> templates = new ArrayList<>();
    List<? extends Config> raw = s.getConfigList(base + ".templates");
    for (int i = 0; i < raw.size(); i++) {
      Config t = raw.get(i);
      String at = "swarm." + base + ".templates[" + i + "]";
      try {
        Map<String, String> parameters = new TreeMap<>();
        if (t.hasPath("parameters")) {
          for (Map.Entry<String, ConfigValue> e : t.getConfig("parameters").entrySet()) {
            parameters.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
          }
        }
        templates.add(new BotTemplate(t.getString("strategy"), parameters, t.getString("instrument"),
            t.getString("venue"), decimal(t, "fee-bps"), decimal(t, "slippage-bps")));
      } catch (ConfigException e) {
        throw new ConfigError(at, e.getMessage());
      }
    }
    return new DiamondConfig(decimal(s, base + ".weight"), bots, templates);
  }

  private static BigDecimal decimal(Config c, String path) {
    String raw = c.getValue(path).unwrapped().toString().trim();
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw new ConfigError(qualified(c, path), "must be a number, got '" + raw + "'");
    }
  }

  private static String qualified(Config c, String path) {
    return path.startsWith("swarm.") ? path : "swarm." + path;
  }

  private static String settingOf(ConfigException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int start = message.indexOf("swarm.");
    if (start >= 0) {
      int end = start;
      while (end < message.length() && " :'\"".indexOf(message.charAt(end)) < 0) end++;
      return message.substring(start, end);
    }
    return "swarm";
  }
}
