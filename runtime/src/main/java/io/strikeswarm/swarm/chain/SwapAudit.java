package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.persistence.ReadSide;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Checks the AMM bots' model of the pools against the chain, swap by swap: every swap a bot journaled as mined is
 * recomputed with the pool's own integer arithmetic ({@link io.strikeswarm.bots.amm.PoolState#quote}) on the
 * reserves the pool held just before it (the end of the previous block; anvil's automine gives each transaction its
 * own block, and a block holding more is counted apart, not guessed), and the recomputed output must equal what the
 * bot's journal says arrived (itself read from the transaction's logs).
 */
public final class SwapAudit {
  private static final Duration READ = Duration.ofSeconds(30);

  public record Mismatch(String botId, String hash, long block, BigInteger expected, BigInteger actual) {}

  /** {@code checked} swaps were alone in their block; of those, {@code exact} paid the formula to the unit. */
  public record Result(int mined, int checked, int exact, int sharedBlocks, List<Mismatch> mismatches) {}

  private SwapAudit() {}

  public static Result audit(ActorSystem<?> system, LocalAmmChain chain, Collection<String> botIds) {
    ReadSide read = ReadSide.of(system);
    int mined = 0;
    int checked = 0;
    int exact = 0;
    int shared = 0;
    List<Mismatch> mismatches = new ArrayList<>();
    for (String botId : botIds) {
      List<EventEnvelope> events = join(read.events(AmmBotEntity.persistenceId(botId).id(), 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), system));
      SwapLeg signed = null;
      for (EventEnvelope envelope : events) {
        Object event = envelope.event();
        if (event instanceof AmmBotEntity.SwapSigned s) signed = s.swap().swap();
        if (!(event instanceof AmmBotEntity.SwapMined m) || signed == null) continue;
        mined++;
        long block = m.outcome().blockNumber();
        if (chain.transactionsIn(block) != 1) {
          shared++;
          continue;
        }
        checked++;
        BigInteger expected = chain.poolBefore(signed.pool(), block).quote(signed.tokenIn(), m.outcome().amountIn());
        if (expected.equals(m.outcome().amountOut())) {
          exact++;
        } else {
          mismatches.add(new Mismatch(botId, m.outcome().hash(), block, expected, m.outcome().amountOut()));
        }
      }
    }
    return new Result(mined, checked, exact, shared, mismatches);
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(READ.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the AMM bots' journal: " + e.getMessage(), e);
    }
  }
}
