package io.strikeswarm.swarm;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The workload of the crash test, run in a child JVM that the test kills with SIGKILL: the default swarm takes bars
 * (a seeded random walk per instrument, so bots' returns differ) and rebalances both directional diamonds, round
 * after round, printing {@code ROUND n moved=m} (transfers planned so far) after each. It never stops by itself.
 */
public final class CrashTrialMain {
  /** The default swarm with short SMA windows, so bots trade (and returns differ) within a few rounds. */
  static final com.typesafe.config.Config WORKLOAD = ConfigFactory.parseString("""
      swarm.rebalance.interval = 0
      swarm.templates.directional = [
        { strategy = "sma-cross", parameters { short = 2, long = 4 }, instrument = "BTC-USD", venue = "paper", fee-bps = 10, slippage-bps = 5 }
        { strategy = "sma-cross", parameters { short = 2, long = 6 }, instrument = "ETH-USD", venue = "paper", fee-bps = 10, slippage-bps = 5 }
        { strategy = "sma-cross", parameters { short = 3, long = 8 }, instrument = "BTC-USD", venue = "paper", fee-bps = 10, slippage-bps = 5 }
      ]
      """);

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    SwarmRuntime runtime = SwarmRuntime.start(dir, WORKLOAD);
    SwarmClient client = new SwarmClient(runtime, Duration.ofSeconds(10));
    client.awaitSettled(Duration.ofSeconds(60));
    Map<String, String> instrumentOf = new TreeMap<>();
    for (DiamondKind kind : List.of(DiamondKind.LONG_STRIKE, DiamondKind.SHORT_STRIKE)) {
      for (RosterEntry e : client.roster(kind).bots()) instrumentOf.put(e.botId(), e.config().instrument());
    }
    Random random = new Random(seed);
    Map<String, BigDecimal> price = new TreeMap<>(Map.of("BTC-USD", new BigDecimal("30000"), "ETH-USD",
        new BigDecimal("2000")));
    long time = 1_700_000_000_000L;
    int movedSoFar = 0;
    for (int round = 1; ; round++) {
      for (int bar = 0; bar < 5; bar++) {
        time += 60_000;
        Map<String, Bar> bars = new TreeMap<>();
        for (var p : price.entrySet()) {
          BigDecimal next = p.getValue().multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.01))
              .setScale(2, RoundingMode.HALF_EVEN);
          BigDecimal high = next.max(p.getValue());
          BigDecimal low = next.min(p.getValue());
          bars.put(p.getKey(), new Bar(p.getKey(), time, p.getValue(), high, low, next, BigDecimal.ONE));
          p.setValue(next);
        }
        // One lockstep step per bar: every bot evaluates it, then every bot commits it.
        long step = time;
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (var bot : instrumentOf.entrySet()) {
          acks.add(runtime.bot(bot.getKey()).<org.apache.pekko.pattern.StatusReply<BotEntity.Evaluation>>ask(
              r -> new BotEntity.EvaluateBars(step, List.of(bars.get(bot.getValue())), TradingState.ACTIVE, r),
              Duration.ofSeconds(10)).toCompletableFuture());
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        acks.clear();
        for (var bot : instrumentOf.entrySet()) {
          acks.add(runtime.bot(bot.getKey()).<org.apache.pekko.pattern.StatusReply<BotEntity.Committed>>ask(
              r -> new BotEntity.CommitBars(step, 1, r), Duration.ofSeconds(10)).toCompletableFuture());
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
      }
      int moved = 0;
      for (DiamondKind kind : List.of(DiamondKind.LONG_STRIKE, DiamondKind.SHORT_STRIKE)) {
        try {
          DiamondView.RebalanceResult result = client.rebalance(kind);
          moved += result.transfers().size();
        } catch (SwarmClient.SwarmCommandException busy) {
          // previous transfers still in flight: the next round tries again
        }
      }
      movedSoFar += moved;
      System.out.println("ROUND " + round + " moved=" + movedSoFar);
      System.out.flush();
    }
  }
}
