package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.ChainPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.strikeswarm.bots.amm.PoolKey;

/**
 * What a node needs to run AMM bots: a port per chain name, each AMM bot's configuration on its chain (by bot id),
 * the pools to read at every block per chain (those the bots watch that exist there), the bots' settings, and how
 * often the chain watcher looks for a new block.
 */
public record AmmWiring(Map<String, ChainPort> chains, Map<String, AmmBotConfig> configs,
    Map<String, List<PoolKey>> pools, AmmBotSettings settings, Duration blockPoll) {

  public AmmWiring {
    chains = Map.copyOf(chains);
    configs = Map.copyOf(configs);
    pools = Map.copyOf(pools);
  }
}
