package io.strikeswarm.bots.domain;

import io.strikeswarm.bots.strategy.Strategy;
import io.strikeswarm.bots.strategy.StrategyCatalog;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a bot trades and how: strategy by name with its parameters, instrument, venue, side, the venue's costs in
 * basis points and fill timing, and the trade plan (sizing, leverage, protective exits).
 */
public record BotConfig(
    String strategy,
    Map<String, String> parameters,
    String instrument,
    String venue,
    Side side,
    BigDecimal feeBps,
    BigDecimal slippageBps,
    FillTiming fillTiming,
    TradePlan plan)
    implements CborSerializable {

  public BotConfig {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(feeBps, "feeBps");
    Objects.requireNonNull(slippageBps, "slippageBps");
    Objects.requireNonNull(fillTiming, "fillTiming");
    Objects.requireNonNull(plan, "plan");
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** A config with the default fill timing (close) and trade plan. */
  public BotConfig(String strategy, Map<String, String> parameters, String instrument, String venue, Side side,
      BigDecimal feeBps, BigDecimal slippageBps) {
    this(strategy, parameters, instrument, venue, side, feeBps, slippageBps, FillTiming.CLOSE, TradePlan.DEFAULT);
  }

  /** Checks everything a bot needs before it accepts this config; the message names what is wrong. */
  public Strategy validate() {
    if (instrument.isBlank()) throw new IllegalArgumentException("instrument must not be blank");
    if (venue.isBlank()) throw new IllegalArgumentException("venue must not be blank");
    if (feeBps.signum() < 0 || feeBps.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new IllegalArgumentException("feeBps must be in [0, 1000], got " + feeBps);
    }
    if (slippageBps.signum() < 0 || slippageBps.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new IllegalArgumentException("slippageBps must be in [0, 1000], got " + slippageBps);
    }
    plan.validate();
    if (routesOrders()) {
      // A spot order book: nothing to borrow, so no short and no leverage; orders go out at the decision.
      if (side != Side.LONG) {
        throw new IllegalArgumentException("venue " + venue + " trades spot: a " + side.name().toLowerCase()
            + " bot needs a margin venue; use venue \"paper\" (simulated) for short bots");
      }
      if (plan.leverage().compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("venue " + venue + " trades spot: leverage must be 1, got "
            + plan.leverage().stripTrailingZeros().toPlainString());
      }
      if (fillTiming != FillTiming.CLOSE) {
        throw new IllegalArgumentException("venue " + venue + " sends orders when they are decided: fill timing must"
            + " be close, got " + fillTiming.name().toLowerCase().replace('_', '-'));
      }
    }
    return StrategyCatalog.create(strategy, parameters, side);
  }

  public BotConfig withParameters(Map<String, String> newParameters) {
    return new BotConfig(strategy, newParameters, instrument, venue, side, feeBps, slippageBps, fillTiming, plan);
  }

  /** Whether orders go to a real order book through an order route instead of filling in the bar step. */
  public boolean routesOrders() {
    return VenueKind.of(venue) == VenueKind.ROUTED;
  }

  public SimulatedVenue simulatedVenue() {
    return new SimulatedVenue(fillTiming, feeBps, slippageBps);
  }
}
