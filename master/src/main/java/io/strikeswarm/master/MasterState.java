package io.strikeswarm.master;

import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.persistence.CborSerializable;

/** The master's event-sourced state: the capital plan it was started with, its books, and the swarm's risk state. */
public record MasterState(SwarmConfig config, MasterLedger ledger, long fundingVersion, SwarmRisk risk)
    implements CborSerializable {
  public static final MasterState EMPTY = new MasterState(null, null, 0, null);

  public boolean initialized() {
    return config != null;
  }

  public MasterState apply(Master.Event event) {
    if (event instanceof Master.SwarmInitialized e) {
      return new MasterState(e.config(), e.ledger(), 1, SwarmRisk.start(e.config().totalCapital()));
    }
    if (event instanceof Master.RiskObserved e) return new MasterState(config, ledger, fundingVersion, e.risk());
    if (event instanceof Master.TradingStateChanged e) return new MasterState(config, ledger, fundingVersion, e.risk());
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }
}
