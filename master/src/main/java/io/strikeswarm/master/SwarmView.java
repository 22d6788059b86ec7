package io.strikeswarm.master;

import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.Reallocation;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.persistence.CborSerializable;

/**
 * The master as an operator reads it: the plan in force (the operator's weights and reserve included), the books,
 * and the re-allocation still under way, if any ({@code null} otherwise).
 */
public record SwarmView(boolean initialized, SwarmConfig config, MasterLedger ledger, boolean ledgerBalances,
    Reallocation reallocation) implements CborSerializable {}
