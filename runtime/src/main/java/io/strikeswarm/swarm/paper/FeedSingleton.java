package io.strikeswarm.swarm.paper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The paper feed of a cluster: one lockstep driver for the whole swarm, however many nodes serve the API. A Cluster
 * Singleton that builds the feed (reading the swarm's layout, which asks the master and the bots) and starts it when
 * it starts on a node, and stops it between two steps before it hands over, so two feeds never drive the bots at
 * once. The next node's feed resumes from the journal exactly as a restarted service does (the bots' last bars).
 * {@code hosted} holds the feed while this node runs it.
 */
final class FeedSingleton {
  sealed interface Command {}

  /** The singleton's stop message: the manager sends it before a handover. */
  enum Stop implements Command { INSTANCE }

  private record Built(PaperFeed feed, Throwable failure) implements Command {}

  private record Stopped() implements Command {}

  private static final long STOP_WAIT_MS = 60_000;

  private FeedSingleton() {}

  static ActorRef<Command> init(ActorSystem<?> system, Supplier<PaperFeed> factory, AtomicReference<PaperFeed> hosted) {
    Behavior<Command> feed = Behaviors.<Command>supervise(building(factory, hosted))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(feed, "paper-feed").withStopMessage(Stop.INSTANCE));
  }

  private static Behavior<Command> building(Supplier<PaperFeed> factory, AtomicReference<PaperFeed> hosted) {
    return Behaviors.setup(ctx -> {
      // Building asks the swarm (blocking): off the actor's dispatcher, on a thread of its own.
      ctx.pipeToSelf(CompletableFuture.supplyAsync(factory, r -> new Thread(r, "paper-feed-start").start()),
          Built::new);
      return Behaviors.withStash(1, stash -> Behaviors.receive(Command.class)
          .onMessage(Stop.class, stop -> {
            stash.stash(stop);
            return Behaviors.same();
          })
          .onMessage(Built.class, built -> {
            if (built.failure() != null) {
              throw new IllegalStateException("the paper feed could not start: " + built.failure().getMessage(),
                  built.failure());
            }
            built.feed().start();
            hosted.set(built.feed());
            ctx.getLog().info("paper feed started on this node");
            return stash.unstashAll(running(built.feed(), hosted));
          })
          .build());
    });
  }

  private static Behavior<Command> running(PaperFeed feed, AtomicReference<PaperFeed> hosted) {
    return Behaviors.setup(ctx -> Behaviors.receive(Command.class)
        .onMessage(Stop.class, stop -> {
          // Stopping waits for the step in flight (bots committing it): off the dispatcher too.
          ctx.pipeToSelf(CompletableFuture.runAsync(() -> feed.stop(STOP_WAIT_MS),
              r -> new Thread(r, "paper-feed-stop").start()), (ok, failure) -> new Stopped());
          return Behaviors.same();
        })
        .onMessage(Stopped.class, stopped -> {
          hosted.compareAndSet(feed, null);
          ctx.getLog().info("paper feed stopped on this node ({}), handing over", feed.status().state());
          return Behaviors.stopped();
        })
        .onSignal(PostStop.class, signal -> {
          // Stopped without the stop message (the actor system is terminating): let the feed end at its next step.
          feed.stop(1);
          hosted.compareAndSet(feed, null);
          return Behaviors.same();
        })
        .build());
  }
}
