package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.master.risk.RiskLimits;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The swarm's capital plan: total capital, reserve ratio, and each diamond's weight, bot count and templates.
 * {@link #validate()} refuses anything that cannot be run, naming the setting, before anything is written.
 */
public record SwarmConfig(BigDecimal totalCapital, BigDecimal reserveRatio, Map<DiamondKind, DiamondConfig> diamonds,
    RebalanceSettings rebalance, RiskLimits risk) implements CborSerializable {

  public SwarmConfig {
    diamonds = Collections.unmodifiableMap(new EnumMap<>(diamonds));
  }

  /** A plan with the default swarm risk limits. */
  public SwarmConfig(BigDecimal totalCapital, BigDecimal reserveRatio, Map<DiamondKind, DiamondConfig> diamonds,
      RebalanceSettings rebalance) {
    this(totalCapital, reserveRatio, diamonds, rebalance, RiskLimits.DEFAULT);
  }

  public DiamondConfig diamond(DiamondKind kind) {
    return diamonds.get(kind);
  }

  /** Each diamond's weight, in {@link DiamondKind} order. */
  public Map<DiamondKind, BigDecimal> weights() {
    EnumMap<DiamondKind, BigDecimal> weights = new EnumMap<>(DiamondKind.class);
    diamonds.forEach((kind, d) -> weights.put(kind, d.weight()));
    return Collections.unmodifiableMap(weights);
  }

  /**
   * The same plan with other diamond weights and reserve ratio (an operator's re-allocation); bot counts,
   * templates, rebalancing and risk limits are untouched. Diamonds {@code weights} does not name keep theirs.
   */
  public SwarmConfig withAllocation(Map<DiamondKind, BigDecimal> weights, BigDecimal reserve) {
    EnumMap<DiamondKind, DiamondConfig> next = new EnumMap<>(DiamondKind.class);
    diamonds.forEach((kind, d) -> next.put(kind,
        new DiamondConfig(weights.getOrDefault(kind, d.weight()), d.bots(), d.templates())));
    return new SwarmConfig(totalCapital, reserve, next, rebalance, risk);
  }

  public SwarmConfig validate() {
    if (totalCapital == null || totalCapital.signum() <= 0) {
      throw new ConfigError("swarm.capital.total", "must be > 0, got " + plain(totalCapital));
    }
    if (reserveRatio == null || reserveRatio.signum() < 0 || reserveRatio.compareTo(BigDecimal.ONE) >= 0) {
      throw new ConfigError("swarm.capital.reserve", "must be in [0, 1), got " + plain(reserveRatio));
    }
    BigDecimal weights = BigDecimal.ZERO;
    for (DiamondKind k : DiamondKind.values()) {
      DiamondConfig d = diamonds.get(k);
      String base = "swarm.diamonds." + k.id();
      if (d == null) throw new ConfigError(base, "is missing");
      if (d.weight() == null || d.weight().signum() < 0 || d.weight().compareTo(BigDecimal.ONE) > 0) {
        throw new ConfigError(base + ".weight", "must be in [0, 1], got " + plain(d.weight()));
      }
      if (d.bots() < 0) throw new ConfigError(base + ".bots", "must be >= 0, got " + d.bots());
      if (d.bots() > 99) throw new ConfigError(base + ".bots", "must be <= 99 (two-digit bot ids), got " + d.bots());
      // AMM bots are configured from their chain (routes, accounts), not from directional templates
      if (k != DiamondKind.AMM && d.bots() > 0 && d.templates().isEmpty()) {
        throw new ConfigError(base + ".templates", "must not be empty");
      }
      for (int i = 0; i < d.templates().size(); i++) {
        BotTemplate t = d.templates().get(i);
        try {
          t.toConfig(k.side().orElse(Side.LONG)).validate();
        } catch (IllegalArgumentException e) {
          throw new ConfigError(base + ".templates[" + i + "]", e.getMessage());
        }
      }
      weights = weights.add(d.weight());
    }
    if (weights.compareTo(BigDecimal.ONE) != 0) {
      throw new ConfigError("swarm.diamonds.*.weight", "weights must sum to 1, got " + weights.toPlainString());
    }
    RebalanceSettings r = rebalance;
    if (r.step().signum() <= 0 || r.step().compareTo(BigDecimal.ONE) > 0) {
      throw new ConfigError("swarm.rebalance.step", "must be in (0, 1], got " + r.step().toPlainString());
    }
    if (r.maxPairs() < 0) throw new ConfigError("swarm.rebalance.max-pairs", "must be >= 0, got " + r.maxPairs());
    if (r.minFactor().signum() < 0 || r.minFactor().compareTo(BigDecimal.ONE) > 0) {
      throw new ConfigError("swarm.rebalance.min-factor", "must be in [0, 1], got " + r.minFactor().toPlainString());
    }
    if (r.maxFactor().compareTo(BigDecimal.ONE) < 0) {
      throw new ConfigError("swarm.rebalance.max-factor", "must be >= 1, got " + r.maxFactor().toPlainString());
    }
    if (r.interval().isNegative()) throw new ConfigError("swarm.rebalance.interval", "must be >= 0");
    if (risk == null) throw new ConfigError("swarm.risk", "is missing");
    try {
      risk.validate();
    } catch (IllegalArgumentException e) {
      String[] parts = e.getMessage().split(": ", 2);
      throw new ConfigError(parts[0], parts[1]);
    }
    return this;
  }

  private static String plain(BigDecimal v) {
    return v == null ? "nothing" : v.toPlainString();
  }
}
