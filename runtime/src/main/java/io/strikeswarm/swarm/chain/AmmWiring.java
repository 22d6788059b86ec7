package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.ChainPort;
import java.time.Duration;
import java.util.Map;

/**
 * What a node needs to run AMM bots: a port per chain name, each AMM bot's configuration on its chain (by bot id),
 * the bots' settings, and how often the chain watcher looks for a new block.
 */
public record AmmWiring(Map<String, ChainPort> chains, Map<String, AmmBotConfig> configs, AmmBotSettings settings,
    Duration blockPoll) {

  public AmmWiring {
    chains = Map.copyOf(chains);
    configs = Map.copyOf(configs);
  }
}
