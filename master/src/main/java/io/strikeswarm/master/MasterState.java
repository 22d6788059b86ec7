package io.strikeswarm.master;

import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.Reallocation;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.persistence.CborSerializable;

/**
 * The master's event-sourced state: the capital plan (as first started, with the operator's later weights and
 * reserve), its books, the version of the funding it last told the diamonds, the swarm's risk state, and the
 * re-allocation under way ({@code null} when none is).
 */
public record MasterState(SwarmConfig config, MasterLedger ledger, long fundingVersion, SwarmRisk risk,
    Reallocation reallocation) implements CborSerializable {
  public static final MasterState EMPTY = new MasterState(null, null, 0, null, null);

  public boolean initialized() {
    return config != null;
  }

  public MasterState apply(Master.Event event) {
    if (event instanceof Master.SwarmInitialized e) {
      return new MasterState(e.config(), e.ledger(), 1, SwarmRisk.start(e.config().totalCapital()), null);
    }
    if (event instanceof Master.RiskObserved e) {
      return new MasterState(config, ledger, fundingVersion, e.risk(), reallocation);
    }
    if (event instanceof Master.TradingStateChanged e) {
      return new MasterState(config, ledger, fundingVersion, e.risk(), reallocation);
    }
    if (event instanceof Master.AllocationChanged e) {
      return new MasterState(config.withAllocation(e.weights(), e.reserveRatio()), ledger, fundingVersion, risk,
          Reallocation.start(e.reallocationId(), ledger, e.target()));
    }
    if (event instanceof Master.CapitalReturned e) {
      return new MasterState(config, ledger.returned(e.kind(), e.returned()), fundingVersion, risk,
          reallocation.withReturn(e.kind(), e.returned()));
    }
    if (event instanceof Master.AllocationSettled e) {
      return new MasterState(config, e.ledger(), e.reallocationId(), risk, null);
    }
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }
}
