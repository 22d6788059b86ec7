package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.master.risk.RiskLimits;
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
      RiskLimits risk = new RiskLimits(decimal(s, "risk.daily-loss"), decimal(s, "risk.max-drawdown"),
          s.getBoolean("risk.enabled"));
      SwarmConfig swarm = new SwarmConfig(decimal(s, "capital.total"), decimal(s, "capital.reserve"), diamonds,
          rebalance, risk).validate();
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
        FillTiming fill = t.hasPath("fill") ? FillTiming.parse(t.getString("fill")) : FillTiming.CLOSE;
        TradePlan plan = t.hasPath("plan") ? plan(t.getConfig("plan")) : TradePlan.DEFAULT;
        templates.add(new BotTemplate(t.getString("strategy"), parameters, t.getString("instrument"),
            t.getString("venue"), decimal(t, "fee-bps"), decimal(t, "slippage-bps"), fill, plan));
      } catch (ConfigException | IllegalArgumentException e) {
        throw new ConfigError(at, e.getMessage());
      }
    }
    return new DiamondConfig(decimal(s, base + ".weight"), bots, templates);
  }

  /** A trade plan: any setting left out keeps the default plan's; {@code off} turns a protection off. */
  private static TradePlan plan(Config p) {
    TradePlan d = TradePlan.DEFAULT;
    TradePlan.Sizing sizing = p.hasPath("sizing")
        ? TradePlan.Sizing.valueOf(p.getString("sizing").trim().toUpperCase(java.util.Locale.ROOT)) : d.sizing();
    return new TradePlan(sizing, decimalOr(p, "fraction", d.fraction()), decimalOr(p, "risk-per-trade", d.riskPerTrade()),
        decimalOr(p, "atr-multiple", d.atrMultiple()), decimalOr(p, "leverage", d.leverage()),
        decimalOr(p, "maintenance-margin", d.maintenanceMargin()), decimalOr(p, "stop-loss", d.stopLoss()),
        decimalOr(p, "take-profit", d.takeProfit()), decimalOr(p, "partial-take-profit", d.partialTakeProfit()),
        decimalOr(p, "partial-fraction", d.partialFraction()), decimalOr(p, "trailing-stop", d.trailingStop()),
        p.hasPath("max-bars-held") ? p.getInt("max-bars-held") : d.maxBarsHeld(),
        decimalOr(p, "max-notional", d.maxNotional()), decimalOr(p, "price-band", d.priceBand())).validate();
  }

  private static BigDecimal decimalOr(Config c, String path, BigDecimal fallback) {
    if (c.hasPathOrNull(path) && c.getIsNull(path)) return null;
    if (!c.hasPath(path)) return fallback;
    String raw = c.getValue(path).unwrapped().toString().trim();
    if (raw.equalsIgnoreCase("off") || raw.equalsIgnoreCase("none") || raw.equals("false")) return null;
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("plan." + path + " must be a number or off, got '" + raw + "'");
    }
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

  /** The same settings with no AMM bots: for a node with no chain wired, whose AMM share stays unallocated. */
  public SwarmSettings withoutAmmBots() {
    DiamondConfig d = swarm.diamond(DiamondKind.AMM);
    if (d.bots() == 0) return this;
    EnumMap<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(DiamondKind.class);
    for (DiamondKind kind : DiamondKind.values()) diamonds.put(kind, swarm.diamond(kind));
    diamonds.put(DiamondKind.AMM, new DiamondConfig(d.weight(), 0, d.templates()));
    return new SwarmSettings(new SwarmConfig(swarm.totalCapital(), swarm.reserveRatio(), diamonds, swarm.rebalance(),
        swarm.risk()), bots, this.diamonds, startupTimeout);
  }
}
