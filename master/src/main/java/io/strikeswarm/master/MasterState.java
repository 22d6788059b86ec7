package io.strikeswarm.master;

import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.persistence.CborSerializable;

/** The master's event-sourced state: the capital plan it was started with and its books. */
public record MasterState(SwarmConfig config, MasterLedger ledger, long fundingVersion) implements CborSerializable {
  public static final MasterState EMPTY = new MasterState(null, null, 0);

  public boolean initialized() {
    return config != null;
  }

  public MasterState apply(Master.Event event) {
    if (event instanceof Master.SwarmInitialized e) return new MasterState(e.config(), e.ledger(), 1);
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }
}
