package io.strikeswarm.swarm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.RouteShare;
import io.strikeswarm.dex.TokenSpec;
import io.strikeswarm.dex.local.Deployment;
import io.strikeswarm.dex.local.Market;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the local chain's 50 AMM bots split the market's pairs between them. */
class LocalAmmRosterTest {

  private static Map<String, AmmBotConfig> configs(int bots) {
    Market market = Market.standard();
    Map<String, TokenSpec> tokens = new HashMap<>();
    for (Market.Asset a : market.assets()) {
      tokens.put(a.symbol(), new TokenSpec(a.symbol(), "0x" + "0".repeat(40), a.decimals()));
    }
    Deployment deployment = new Deployment(31337, "0x" + "1".repeat(40), tokens, Map.of(), Map.of(), market);
    List<String> accounts = IntStream.rangeClosed(1, bots).mapToObj(i -> String.format("0x%040x", i)).toList();
    return LocalAmmChain.configs("anvil", "ETH", accounts, deployment, ArbRules.DEFAULT);
  }

  @Test
  void everyPairIsWatchedAndTheBotsOnAPairHoldOneTurnEach() {
    Map<Set<PoolKey>, List<RouteShare>> sharesByPools = new HashMap<>();
    for (AmmBotConfig c : configs(50).values()) {
      for (ArbRoute r : c.routes()) {
        sharesByPools.computeIfAbsent(Set.copyOf(r.pools()), k -> new ArrayList<>()).add(r.share());
      }
    }
    assertThat(sharesByPools).hasSize(Market.standard().pairs().size());
    sharesByPools.forEach((pools, shares) -> {
      int n = shares.size();
      assertThat(shares).as("shares on %s", pools).allSatisfy(s -> assertThat(s.of()).isEqualTo(n));
      assertThat(new TreeSet<>(shares.stream().map(RouteShare::slot).toList()))
          .as("slots on %s", pools).containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
    });
    // 100 routes over 8 pairs: the load is even to within one bot
    IntSummaryStatistics load = sharesByPools.values().stream().mapToInt(List::size).summaryStatistics();
    assertThat(load.getMax() - load.getMin()).isLessThanOrEqualTo(1);
  }

  @Test
  void aBotAloneOnItsPairsActsOnEveryBlock() {
    AmmBotConfig only = configs(1).get("amm-01");
    assertThat(only.routes()).allSatisfy(r -> assertThat(r.share()).isEqualTo(RouteShare.SOLE));
  }
}
