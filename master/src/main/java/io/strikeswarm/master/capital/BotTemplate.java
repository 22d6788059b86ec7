package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One variant of a diamond's roster: strategy, parameters, instrument, venue, its costs and fill timing, and the
 * trade plan (sizing, leverage, protective exits).
 */
public record BotTemplate(String strategy, Map<String, String> parameters, String instrument, String venue,
    BigDecimal feeBps, BigDecimal slippageBps, FillTiming fillTiming, TradePlan plan) implements CborSerializable {

  public BotTemplate {
    parameters = Map.copyOf(new TreeMap<>(parameters));
  }

  public BotTemplate(String strategy, Map<String, String> parameters, String instrument, String venue,
      BigDecimal feeBps, BigDecimal slippageBps) {
    this(strategy, parameters, instrument, venue, feeBps, slippageBps, FillTiming.CLOSE, TradePlan.DEFAULT);
  }

  public BotConfig toConfig(Side side) {
    return new BotConfig(strategy, parameters, instrument, venue, side, feeBps, slippageBps, fillTiming, plan);
  }
}
