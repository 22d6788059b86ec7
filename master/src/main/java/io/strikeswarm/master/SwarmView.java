package io.strikeswarm.master;

import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.persistence.CborSerializable;

/** The master as an operator reads it. */
public record SwarmView(boolean initialized, SwarmConfig config, MasterLedger ledger, boolean ledgerBalances)
    implements CborSerializable {}
