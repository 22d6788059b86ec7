package io.strikeswarm.swarm.chain;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.dex.local.LocalDexDeployer;
import io.strikeswarm.dex.local.Market;
import io.strikeswarm.dex.local.NoiseTrader;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The AMM diamond measured on a real chain: anvil with both Uniswap V2 deployments, the AMM bots created, funded and
 * commanded by the master, the H2 journal. Two phases:
 * <ol>
 *   <li><b>busy</b>: the noise trader swaps on random pools every interval while the bots trade; measured are the
 *   bots' own time from a block's snapshot reaching the bot to its buy transaction leaving it (planning, signing and
 *   the journal write of the signed swap included; the RPC round trip of the broadcast is not), and the transactions
 *   the bots got mined per second;</li>
 *   <li><b>quiet</b>: one gap at a time and nothing else trading, so every round trip's prediction can be checked
 *   against the chain with nobody in between; empty blocks are mined while nobody acts, as a real chain makes blocks
 *   without traffic, so that the gap passes to the next bot's turn.</li>
 * </ol>
 */
public final class AmmBenchmark {
  private static final Duration ASK = Duration.ofSeconds(10);

  public record Options(int bots, Duration busy, Duration noiseInterval, int quietGaps, int gapBps, ArbRules rules) {
    public Options {
      if (bots < 1) throw new IllegalArgumentException("--bots must be >= 1, got " + bots);
      if (busy.isNegative() || busy.isZero()) throw new IllegalArgumentException("--seconds must be > 0");
      if (quietGaps < 0) throw new IllegalArgumentException("--quiet-gaps must be >= 0, got " + quietGaps);
      if (gapBps < 1 || gapBps > 2_000) throw new IllegalArgumentException("--gap-bps must be in [1, 2000]");
    }
  }

  /** Latencies in nanoseconds, sorted. */
  public record Latencies(long[] sortedNanos) {
    static Latencies of(List<AmmBotSettings.DecisionTiming> timings, ToLongFunction<AmmBotSettings.DecisionTiming> part) {
      long[] nanos = timings.stream().mapToLong(part).toArray();
      Arrays.sort(nanos);
      return new Latencies(nanos);
    }

    public long percentile(double p) {
      if (sortedNanos.length == 0) return -1;
      int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))];
    }

    public int count() {
      return sortedNanos.length;
    }
  }

  /** Round-trip counts summed over the bots. */
  public record Counts(long started, long completed, long exact, long reverted, long refused) {
    static Counts of(List<AmmBotView> views) {
      return new Counts(views.stream().mapToLong(v -> v.stats().started()).sum(),
          views.stream().mapToLong(v -> v.stats().completed()).sum(),
          views.stream().mapToLong(v -> v.stats().exactAsPredicted()).sum(),
          views.stream().mapToLong(v -> v.stats().reverted()).sum(),
          views.stream().mapToLong(v -> v.stats().refused()).sum());
    }

    Counts minus(Counts o) {
      return new Counts(started - o.started, completed - o.completed, exact - o.exact, reverted - o.reverted,
          refused - o.refused);
    }
  }

  /** Block seen to buy swap sent, and its parts: planning, signing, persisting the signed swap. */
  public record Decisions(Latencies total, Latencies plan, Latencies sign, Latencies journal) {
    static Decisions of(List<AmmBotSettings.DecisionTiming> timings) {
      return new Decisions(Latencies.of(timings, AmmBotSettings.DecisionTiming::totalNanos),
          Latencies.of(timings, AmmBotSettings.DecisionTiming::planNanos),
          Latencies.of(timings, AmmBotSettings.DecisionTiming::signNanos),
          Latencies.of(timings, AmmBotSettings.DecisionTiming::journalNanos));
    }
  }

  public record Result(int bots, double busySeconds, long noiseSwaps, Decisions decisions, long botTransactions,
      Counts busy, int quietGaps, Counts quiet, long emptyBlocksMined, BigDecimal pnlUsd, SwapAudit.Result audit) {
    public double botTransactionsPerSecond() {
      return botTransactions / busySeconds;
    }
  }

  private final LocalAmmChain chain;
  private final SwarmRuntime swarm;
  private final ConcurrentLinkedQueue<AmmBotSettings.DecisionTiming> decisions;
  private final int bots;

  private AmmBenchmark(LocalAmmChain chain, SwarmRuntime swarm, ConcurrentLinkedQueue<AmmBotSettings.DecisionTiming> decisions, int bots) {
    this.chain = chain;
    this.swarm = swarm;
    this.decisions = decisions;
    this.bots = bots;
  }

  /** Runs both phases on a fresh chain and a fresh journal under {@code dataDir}, then stops everything. */
  public static Result run(Path dataDir, Options options) throws InterruptedException {
    ConcurrentLinkedQueue<AmmBotSettings.DecisionTiming> decisions = new ConcurrentLinkedQueue<>();
    try (LocalAmmChain chain = LocalAmmChain.start(options.bots(), 42,
        new NoiseTrader.Settings(options.noiseInterval(), 20, 150), options.rules())) {
      Config config = SwarmRuntime.loadConfig(dataDir, ConfigFactory.parseMap(Map.of("swarm.management.port", 0,
          "swarm.diamonds.long-strike.bots", 0, "swarm.diamonds.short-strike.bots", 0,
          "swarm.diamonds.amm.bots", options.bots())));
      AmmWiring wiring = chain.wiring(AmmBotSettings.DEFAULT.timingsTo(decisions::add), Duration.ofMillis(20));
      SwarmRuntime swarm = SwarmRuntime.start(config, SwarmSettings.from(config), wiring);
      try {
        new SwarmClient(swarm, Duration.ofSeconds(30)).awaitSettled(Duration.ofSeconds(120));
        ChainWatcher.startAll(swarm.system(), wiring);
        return new AmmBenchmark(chain, swarm, decisions, options.bots()).measure(options);
      } finally {
        swarm.close();
      }
    }
  }

  private Result measure(Options options) throws InterruptedException {
    awaitViews(vs -> vs.stream().allMatch(v -> v.status() == BotStatus.ACTIVE && v.budgetUsd().signum() > 0
        && v.nextNonce() >= 0), Duration.ofSeconds(60), "every bot funded and synced");
    Map<String, Long> noncesBefore = transactionCounts();
    decisions.clear();
    Counts before = Counts.of(views());
    long noiseBefore = chain.noise().trades();

    long start = System.nanoTime();
    chain.noise().start();
    Thread.sleep(options.busy().toMillis());
    chain.noise().stop();
    awaitIdle(Duration.ofSeconds(60));
    double busySeconds = (System.nanoTime() - start) / 1e9;
    Counts afterBusy = Counts.of(views());
    long botTransactions = 0;
    for (Map.Entry<String, Long> e : transactionCounts().entrySet()) {
      botTransactions += e.getValue() - noncesBefore.get(e.getKey());
    }
    Decisions busyDecisions = Decisions.of(List.copyOf(decisions));
    long noiseSwaps = chain.noise().trades() - noiseBefore;

    long emptyBlocks = 0;
    List<PoolKey> gapPools = gapPools();
    for (int g = 0; g < options.quietGaps(); g++) {
      PoolKey pool = gapPools.get(g % gapPools.size());
      long startedBefore = Counts.of(views()).started();
      chain.noise().push(pool, g / gapPools.size() % 2 == 0 ? pool.tokenA() : pool.tokenB(), options.gapBps());
      emptyBlocks += awaitTaken(startedBefore, Duration.ofSeconds(10));
      emptyBlocks += awaitIdle(Duration.ofSeconds(30));
    }
    List<AmmBotView> last = views();
    Counts quiet = Counts.of(last).minus(afterBusy);
    BigDecimal pnl = last.stream().map(AmmBotView::pnlUsd).filter(p -> p != null).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    SwapAudit.Result audit = SwapAudit.audit(swarm.system(), chain, chain.configs().keySet());
    return new Result(bots, busySeconds, noiseSwaps, busyDecisions, botTransactions, afterBusy.minus(before),
        options.quietGaps(), quiet, emptyBlocks, pnl, audit);
  }

  /** One pool per pair on the deeper DEX, so each gap is a price move the other DEX does not share. */
  private List<PoolKey> gapPools() {
    List<PoolKey> pools = new ArrayList<>();
    for (Market.Pair p : chain.deployment().market().pairs()) {
      pools.add(new PoolKey(LocalDexDeployer.UNISWAP, p.tokenA(), p.tokenB()));
    }
    return pools;
  }

  /** Mines an empty block whenever nobody took the gap for a while; returns how many it mined. */
  private long awaitTaken(long startedBefore, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long mined = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(200);
      if (Counts.of(views()).started() > startedBefore) return mined;
      chain.node().call("evm_mine", List.of(), ASK);
      mined++;
    }
    return mined;
  }

  /**
   * Waits until no bot has a swap in flight or tokens to sell back, mining an empty block every 250 ms meanwhile: a
   * bot moves on (its next leg, its sell-back, its cooldown) at the blocks it sees, and anvil makes none by itself.
   * Returns how many it mined.
   */
  private long awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long mined = 0;
    while (!views().stream().allMatch(v -> v.inFlight() == null && v.stranded() == null)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for every swap to settle: " + views().stream()
            .filter(v -> v.inFlight() != null || v.stranded() != null)
            .map(v -> v.botId() + " in flight " + v.inFlight() + ", stranded " + v.stranded() + ", chain error "
                + v.chainError()).toList());
      }
      Thread.sleep(250);
      chain.node().call("evm_mine", List.of(), ASK);
      mined++;
    }
    return mined;
  }

  private Map<String, Long> transactionCounts() {
    Map<String, Long> counts = new HashMap<>();
    chain.configs().forEach((id, c) ->
        counts.put(id, chain.chain().transactionCount(c.account()).toCompletableFuture().join()));
    return counts;
  }

  private List<AmmBotView> views() {
    ClusterSharding sharding = ClusterSharding.get(swarm.system());
    List<AmmBotView> views = new ArrayList<>();
    for (int i = 1; i <= bots; i++) {
      views.add(AskPattern.<AmmBotEntity.Command, AmmBotView>ask(
              sharding.entityRefFor(AmmBotEntity.TYPE_KEY, DiamondKind.AMM.botId(i)), AmmBotEntity.GetState::new, ASK,
              swarm.system().scheduler())
          .toCompletableFuture().join());
    }
    return views;
  }

  private void awaitViews(Predicate<List<AmmBotView>> condition, Duration limit, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.test(views())) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      Thread.sleep(50);
    }
  }
}
