package io.strikeswarm.swarm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.persistence.ReadSide;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * A swarm whose only bots are the AMM bots of a {@link LocalAmmChain}, created, configured and funded by the master
 * as in production, with one chain watcher showing them every block; and what the AMM integration tests read from
 * it: each bot's view and journal, and the check an operator would make with money (book against chain).
 */
final class AmmSwarm implements AutoCloseable {
  final LocalAmmChain chain;
  final SwarmRuntime runtime;
  private final int bots;

  private AmmSwarm(LocalAmmChain chain, SwarmRuntime runtime, int bots) {
    this.chain = chain;
    this.runtime = runtime;
    this.bots = bots;
  }

  /** Starts the swarm on {@code chain} (which it then owns and closes) and waits until the master has settled. */
  static AmmSwarm start(Path dataDir, LocalAmmChain chain, AmmBotSettings settings, Duration blockPoll) {
    int bots = chain.configs().size();
    try {
      Config overrides = ConfigFactory.parseMap(Map.of("swarm.management.port", 0,
          "swarm.diamonds.long-strike.bots", 0, "swarm.diamonds.short-strike.bots", 0,
          "swarm.diamonds.amm.bots", bots));
      Config config = SwarmRuntime.loadConfig(dataDir, overrides);
      AmmWiring wiring = chain.wiring(settings, blockPoll);
      SwarmRuntime runtime = SwarmRuntime.start(config, SwarmSettings.from(config), wiring);
      AmmSwarm swarm = new AmmSwarm(chain, runtime, bots);
      new SwarmClient(runtime, Duration.ofSeconds(30)).awaitSettled(Duration.ofSeconds(60));
      ChainWatcher.startAll(runtime.system(), wiring);
      return swarm;
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  static String botId(int i) {
    return DiamondKind.AMM.botId(i);
  }

  AmmBotView view(String botId) {
    return AskPattern.<AmmBotEntity.Command, AmmBotView>ask(
            ClusterSharding.get(runtime.system()).entityRefFor(AmmBotEntity.TYPE_KEY, botId),
            AmmBotEntity.GetState::new, Duration.ofSeconds(10), runtime.system().scheduler())
        .toCompletableFuture().join();
  }

  List<AmmBotView> views() {
    List<AmmBotView> views = new ArrayList<>();
    for (int i = 1; i <= bots; i++) views.add(view(botId(i)));
    return views;
  }

  void awaitAll(Predicate<List<AmmBotView>> condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.test(views())) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + views());
      pause(20);
    }
  }

  /** The bot's view once it satisfies {@code condition}. */
  AmmBotView await(String botId, Predicate<AmmBotView> condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      AmmBotView v = view(botId);
      if (condition.test(v)) return v;
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + botId + " " + what + ": " + v);
      }
      pause(20);
    }
  }

  /** Every event the bot has journaled, in order (read from the journal, not from the entity). */
  List<AmmBotEntity.Event> events(String botId) {
    try {
      List<EventEnvelope> envelopes = ReadSide.of(runtime.system())
          .events(AmmBotEntity.persistenceId(botId).id(), 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), runtime.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      return envelopes.stream().map(e -> (AmmBotEntity.Event) e.event()).toList();
    } catch (Exception e) {
      throw new AssertionError("cannot read the journal of " + botId, e);
    }
  }

  <E extends AmmBotEntity.Event> List<E> events(String botId, Class<E> type) {
    return events(botId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * What an operator checks with money, on a bot with nothing in flight: its P&amp;L in every token is its account's
   * balance change on chain to the wei (gas included), and every nonce it signed with was used exactly once (its next
   * nonce is the account's transaction count).
   */
  void assertBookEqualsChain(AmmBotView v) {
    assertThat(v.inFlight()).as("%s swap in flight", v.botId()).isNull();
    Map<String, BigInteger> onChain = chain.balances(v.botId());
    for (Map.Entry<String, BigInteger> base : v.baseline().entrySet()) {
      BigInteger chainDelta = onChain.get(base.getKey()).subtract(base.getValue());
      assertThat(v.pnlUnits().get(base.getKey())).as("%s %s: book vs chain", v.botId(), base.getKey())
          .isEqualTo(chainDelta);
    }
    long count = chain.chain().transactionCount(v.config().account()).toCompletableFuture().join();
    assertThat(v.nextNonce()).as("%s next nonce vs the account's transaction count", v.botId()).isEqualTo(count);
  }

  static long completed(List<AmmBotView> views) {
    return views.stream().mapToLong(v -> v.stats().completed()).sum();
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try {
      runtime.close();
    } finally {
      chain.close();
    }
  }
}
