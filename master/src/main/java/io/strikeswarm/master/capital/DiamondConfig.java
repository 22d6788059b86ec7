package io.strikeswarm.master.capital;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A diamond's share of deployable capital, its bot count, and the templates its bots are spread over (bot i takes
 * template i mod n, so the roster is an ensemble, not n copies).
 */
public record DiamondConfig(BigDecimal weight, int bots, List<BotTemplate> templates) implements CborSerializable {
  public DiamondConfig {
    templates = List.copyOf(templates);
  }
}
