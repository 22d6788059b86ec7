package io.strikeswarm.swarm.bench;

import io.strikeswarm.bots.entity.BotEntity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Creates benchmark bots as sharded entities on a bot node, the way a diamond does: configure, then fund. A bounded
 * number of bots at a time, so ten thousand bots do not put ten thousand asks and journal writes in flight at once.
 */
public final class BotFleet {
  private BotFleet() {}

  public static void enlist(ActorSystem<?> system, List<BenchRoster.BenchBot> bots, int inFlight, Duration timeout) {
    Semaphore permits = new Semaphore(inFlight);
    CompletableFuture<?>[] all = new CompletableFuture<?>[bots.size()];
    for (int i = 0; i < bots.size(); i++) {
      permits.acquireUninterruptibly();
      all[i] = enlist(system, bots.get(i), timeout).toCompletableFuture().whenComplete((ok, e) -> permits.release());
    }
    try {
      CompletableFuture.allOf(all).get(30, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating bots", e);
    } catch (Exception e) {
      throw new IllegalStateException("bots could not be created: " + e.getMessage(), e);
    }
  }

  private static CompletionStage<Done> enlist(ActorSystem<?> system, BenchRoster.BenchBot bot, Duration timeout) {
    EntityRef<BotEntity.Command> ref = ClusterSharding.get(system).entityRefFor(BotEntity.TYPE_KEY, bot.id());
    return AskPattern.<BotEntity.Command, Done>askWithStatus(ref, r -> new BotEntity.Configure(bot.config(), r),
            timeout, system.scheduler())
        .thenCompose(configured -> AskPattern.<BotEntity.Command, Done>askWithStatus(ref,
            r -> new BotEntity.AllocateCapital(1, bot.capital(), r), timeout, system.scheduler()));
  }
}
