package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.persistence.CborSerializable;

/** A bot on a diamond's roster, with the config and status its supervisor last confirmed. */
public record RosterEntry(String botId, BotConfig config, BotStatus status) implements CborSerializable {
  RosterEntry withStatus(BotStatus next) {
    return new RosterEntry(botId, config, next);
  }

  RosterEntry withConfig(BotConfig next) {
    return new RosterEntry(botId, next, status);
  }
}
