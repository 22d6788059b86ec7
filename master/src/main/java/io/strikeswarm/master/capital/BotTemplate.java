package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** One variant of a diamond's roster: strategy, parameters, instrument, venue and its costs. */
public record BotTemplate(String strategy, Map<String, String> parameters, String instrument, String venue,
    BigDecimal feeBps, BigDecimal slippageBps) implements CborSerializable {

  public BotTemplate {
    parameters = Map.copyOf(new TreeMap<>(parameters));
  }

  public BotConfig toConfig(Side side) {
    return new BotConfig(strategy, parameters, instrument, venue, side, feeBps, slippageBps);
  }
}
