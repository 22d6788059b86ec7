package io.strikeswarm.master.support;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * Real bot entities for the supervisors under test, spawned on first use (one per id, on the test system's
 * in-memory journal), as Cluster Sharding would. A bot can be put behind a {@linkplain #gate gate} that holds the
 * supervisor's commands until the test lets them through: a slow or partitioned bot, made deterministic.
 */
public final class Bots implements Function<String, RecipientRef<BotEntity.Command>> {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ActorSystem<?> system;
  private final Map<String, ActorRef<BotEntity.Command>> bots = new ConcurrentHashMap<>();
  private final Map<String, ActorRef<Object>> gates = new ConcurrentHashMap<>();

  public Bots(ActorSystem<?> system) {
    this.system = system;
  }

  /** What the supervisor talks to: the bot's gate if it has one, else the bot. */
  @Override
  public RecipientRef<BotEntity.Command> apply(String botId) {
    ActorRef<Object> gate = gates.get(botId);
    return gate != null ? gate.narrow() : bot(botId);
  }

  public ActorRef<BotEntity.Command> bot(String botId) {
    return bots.computeIfAbsent(botId,
        id -> system.systemActorOf(BotEntity.create(id, BotSettings.DEFAULT), "bot-" + id, Props.empty()));
  }

  public BotView view(String botId) {
    return await(AskPattern.ask(bot(botId), BotEntity.GetState::new, TIMEOUT, system.scheduler()));
  }

  /** Feeds the bars to the bot one lockstep step per bar, each committed before the next (as the replay driver does). */
  public void feed(String botId, Iterable<Bar> bars) {
    for (Bar bar : bars) {
      long step = ++steps;
      StatusReply<BotEntity.Evaluation> evaluated = await(AskPattern.<BotEntity.Command,
          StatusReply<BotEntity.Evaluation>>ask(bot(botId),
          r -> new BotEntity.EvaluateBars(step, java.util.List.of(bar), io.strikeswarm.bots.domain.TradingState.ACTIVE,
              r), TIMEOUT, system.scheduler()));
      if (evaluated.isError()) throw new AssertionError("bot " + botId + " refused " + bar + ": " + evaluated.getError());
      StatusReply<BotEntity.Committed> committed = await(AskPattern.<BotEntity.Command,
          StatusReply<BotEntity.Committed>>ask(bot(botId), r -> new BotEntity.CommitBars(step, 1, r), TIMEOUT,
          system.scheduler()));
      if (committed.isError()) throw new AssertionError("bot " + botId + " did not commit " + bar + ": " + committed.getError());
    }
  }

  private long steps;

  // ---- gates -------------------------------------------------------------------------------------------------

  /** Puts the bot behind a gate that lets the next {@code passFirst} commands through and holds the rest. */
  public void gate(String botId, int passFirst) {
    ActorRef<BotEntity.Command> target = bot(botId);
    gates.put(botId, system.systemActorOf(gateBehavior(target, passFirst), "gate-" + botId, Props.empty()));
  }

  /** Lets {@code count} more commands through, held ones first. */
  public void allow(String botId, int count) {
    gates.get(botId).tell(new Allow(count));
  }

  public void open(String botId) {
    allow(botId, Integer.MAX_VALUE);
  }

  /** Waits until the gate holds at least {@code count} commands and returns what it holds. */
  public int awaitHeld(String botId, int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      int held = await(AskPattern.<Object, Integer>ask(gates.get(botId), Held::new, TIMEOUT, system.scheduler()));
      if (held >= count) return held;
      if (System.nanoTime() > deadline) throw new AssertionError("gate of " + botId + " holds " + held + " < " + count);
      sleep(20);
    }
  }

  private record Allow(int count) implements NoSerializationVerificationNeeded {}

  private record Held(ActorRef<Integer> replyTo) implements NoSerializationVerificationNeeded {}

  private static Behavior<Object> gateBehavior(RecipientRef<BotEntity.Command> target, int passFirst) {
    return Behaviors.setup(ctx -> {
      ArrayDeque<BotEntity.Command> held = new ArrayDeque<>();
      int[] credits = {passFirst};
      return Behaviors.receive(Object.class)
          .onMessage(BotEntity.Command.class, cmd -> {
            if (credits[0] > 0 && held.isEmpty()) {
              credits[0]--;
              target.tell(cmd);
            } else {
              held.add(cmd);
            }
            return Behaviors.same();
          })
          .onMessage(Allow.class, allow -> {
            credits[0] = (int) Math.min(Integer.MAX_VALUE, (long) credits[0] + allow.count());
            while (credits[0] > 0 && !held.isEmpty()) {
              credits[0]--;
              target.tell(held.poll());
            }
            return Behaviors.same();
          })
          .onMessage(Held.class, q -> {
            q.replyTo().tell(held.size());
            return Behaviors.same();
          })
          .build();
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer: " + e, e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
