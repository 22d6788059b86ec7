package io.strikeswarm.swarm.reliability;

import java.util.Objects;

/** One row of the event journal as it is on disk: whose event, at which sequence number, and the event itself. */
public record JournalRow(String persistenceId, long sequenceNr, Object event) {
  public JournalRow {
    Objects.requireNonNull(persistenceId, "persistenceId");
    Objects.requireNonNull(event, "event");
  }

  /** The bot id of a bot's journal ({@code bot|long-07} → {@code long-07}), or null for another journal. */
  public String botId() {
    return persistenceId.startsWith(BOT_PREFIX) ? persistenceId.substring(BOT_PREFIX.length()) : null;
  }

  static final String BOT_PREFIX = "bot|";
}
