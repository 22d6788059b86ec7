package io.strikeswarm.http.view;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotState;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.persistence.query.EventEnvelope;

/**
 * An AMM bot's journal read from its first event on, through the entity's own event handler
 * ({@link AmmBotState#apply}): the state after the last event read, and the events from {@code keepFrom} on as the
 * API shows them (each rendered with the state before it, which knows the swap a receipt settles). One per query;
 * not shared between threads.
 */
public final class AmmJournalReplay {
  private final long keepFrom;
  private final List<JournalEvent> kept = new ArrayList<>();
  private AmmBotState state;
  private long seq;
  private long lastTimestamp;

  public AmmJournalReplay(String botId, long keepFrom) {
    this.state = AmmBotState.empty(botId);
    this.keepFrom = keepFrom;
  }

  public AmmJournalReplay apply(EventEnvelope envelope) {
    AmmBotEntity.Event event = (AmmBotEntity.Event) envelope.event();
    if (envelope.sequenceNr() >= keepFrom) {
      kept.add(new JournalEvent(envelope.sequenceNr(), event.getClass().getSimpleName(), envelope.timestamp(),
          AmmEventJson.render(state, event)));
    }
    state = state.apply(event);
    seq = envelope.sequenceNr();
    lastTimestamp = envelope.timestamp();
    return this;
  }

  public AmmBotState state() {
    return state;
  }

  /** The sequence number of the last event read (0 before any). */
  public long seq() {
    return seq;
  }

  public long lastTimestamp() {
    return lastTimestamp;
  }

  public List<JournalEvent> kept() {
    return List.copyOf(kept);
  }
}
