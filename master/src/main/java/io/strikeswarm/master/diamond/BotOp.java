package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * One step a supervisor takes on one bot, persisted before it is sent, so after a crash the supervisor resends
 * exactly the steps that were not confirmed. Capital steps carry a transfer sequence number the bot uses to
 * acknowledge a resend without applying it twice. CONFIGURE and PARAMETERS carry the bot's whole config; a resent
 * PARAMETERS sets the same parameters again, which the bot acknowledges without a new event.
 */
public record BotOp(long opId, String botId, Kind kind, BigDecimal amount, long transferSeq, BotConfig config,
    String origin) implements CborSerializable {

  public enum Kind {
    CONFIGURE,
    ALLOCATE,
    RELEASE,
    PAUSE,
    RESUME,
    HALT,
    RETIRE,
    PARAMETERS
  }
}
