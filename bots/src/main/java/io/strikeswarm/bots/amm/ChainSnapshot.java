package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pools an AMM bot watches, all read at one block, with that block's time (the bot's only clock) and the gas
 * price a transaction sent now would pay per unit of gas (base fee + priority tip, in wei).
 */
public record ChainSnapshot(long blockNumber, long blockTimestampSec, BigInteger gasPriceWei, List<PoolState> pools)
    implements CborSerializable {

  public ChainSnapshot {
    pools = List.copyOf(pools);
  }

  public Map<PoolKey, PoolState> byKey() {
    return pools.stream().collect(Collectors.toMap(PoolState::key, Function.identity(), (a, b) -> a));
  }
}
