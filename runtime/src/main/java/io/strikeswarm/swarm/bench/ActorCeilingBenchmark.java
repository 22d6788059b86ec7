package io.strikeswarm.swarm.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The ceiling the swarm path is measured against: how many Pekko typed messages this machine moves between local
 * actors when they do nothing else — no sharding, no journal, no serialization, no ask. Three shapes, each on a fresh
 * actor system with the swarm's own dispatcher settings:
 * <ul>
 *   <li><b>ping-pong</b>: pairs of actors answering each other; one pair measures the hand-off between two actors,
 *   several pairs keep every core busy;</li>
 *   <li><b>fan-out</b>: one actor sends M messages to each of N actors without waiting;</li>
 *   <li><b>lockstep</b>: one actor sends a step to N actors and waits for all N answers before the next — the replay
 *   driver's scatter/gather shape, the limit of one swarm step per bar time.</li>
 * </ul>
 * Every delivered message is counted by the actor that received it, and the result carries those counts, so a run
 * that lost or doubled a message shows it. Figures are medians over the measured runs, after warm-up runs.
 */
public final class ActorCeilingBenchmark {
  private ActorCeilingBenchmark() {}

  public record Options(int roundTrips, int pairs, int workers, int messagesPerWorker, int steps, int warmups,
      int runs) {
    public Options {
      if (roundTrips < 1 || pairs < 1 || workers < 1 || messagesPerWorker < 1 || steps < 1) {
        throw new IllegalArgumentException("round trips, pairs, workers, messages and steps must be >= 1");
      }
      if (warmups < 0 || runs < 1) throw new IllegalArgumentException("--warmups must be >= 0 and --runs >= 1");
    }
  }

  /** One shape: what it sends, the messages each measured run delivered, and how long each run took. */
  public record Shape(String name, long expectedPerRun, List<Long> delivered, List<Double> seconds) {
    public double medianMessagesPerSecond() {
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < seconds.size(); i++) rates.add(delivered.get(i) / seconds.get(i));
      return Medians.of(rates);
    }

    public boolean everyMessageArrived() {
      return delivered.stream().allMatch(d -> d == expectedPerRun);
    }
  }

  public record Result(Options options, String dispatcher, List<Shape> shapes) {
    public String describe() {
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "local actors, Pekko %s typed; %s; %d cpus; median of %d runs after %d "
              + "warm-up runs%n", org.apache.pekko.Version.current(), dispatcher,
          Runtime.getRuntime().availableProcessors(), options.runs(), options.warmups()));
      s.append(String.format(Locale.ROOT, "%-56s %13s %15s  %s%n", "shape", "messages/run", "messages/s",
          "all runs (messages/s)"));
      for (Shape shape : shapes) {
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < shape.seconds().size(); i++) {
          rates.add(String.format(Locale.ROOT, "%,.0f", shape.delivered().get(i) / shape.seconds().get(i)));
        }
        s.append(String.format(Locale.ROOT, "%-56s %,13d %,15.0f  %s%s%n", shape.name(), shape.expectedPerRun(),
            shape.medianMessagesPerSecond(), rates, shape.everyMessageArrived() ? "" : "  MESSAGES LOST OR DOUBLED"));
      }
      Shape lockstep = shapes.get(shapes.size() - 1);
      s.append(String.format(Locale.ROOT, "lockstep steps/s (median): %,.0f — each step %d messages out and %d back%n",
          lockstep.medianMessagesPerSecond() / (2.0 * options.workers()), options.workers(), options.workers()));
      return s.toString();
    }
  }

  public static Result run(Options o) {
    List<Shape> shapes = new ArrayList<>();
    shapes.add(measure(String.format(Locale.ROOT, "ping-pong, 1 pair, %,d round trips", o.roundTrips()),
        2L * o.roundTrips(), o, system -> pingPong(system, 1, o.roundTrips())));
    if (o.pairs() > 1) {
      shapes.add(measure(String.format(Locale.ROOT, "ping-pong, %d pairs, %,d round trips each", o.pairs(),
          o.roundTrips()), 2L * o.roundTrips() * o.pairs(), o, system -> pingPong(system, o.pairs(), o.roundTrips())));
    }
    shapes.add(measure(String.format(Locale.ROOT, "fan-out 1 -> %d, %,d messages each, no waiting", o.workers(),
        o.messagesPerWorker()), (long) o.workers() * o.messagesPerWorker(), o,
        system -> fanOut(system, o.workers(), o.messagesPerWorker())));
    shapes.add(measure(String.format(Locale.ROOT, "lockstep 1 -> %d -> 1, %,d steps", o.workers(), o.steps()),
        2L * o.workers() * o.steps(), o, system -> lockstep(system, o.workers(), o.steps())));
    return new Result(o, dispatcherSettings(config()), shapes);
  }

  /** Runs one shape warm-ups + runs times, each on a fresh actor system; times only the messaging. */
  private static Shape measure(String name, long expected, Options o,
      Function<ActorSystem<Void>, Timed> shape) {
    List<Long> delivered = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < o.warmups() + o.runs(); i++) {
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "actor-ceiling", config());
      try {
        Timed t = shape.apply(system);
        if (i >= o.warmups()) {
          delivered.add(t.delivered());
          seconds.add(t.nanos() / 1e9);
        }
      } finally {
        system.terminate();
        await(system.getWhenTerminated().toCompletableFuture());
      }
    }
    return new Shape(name, expected, delivered, seconds);
  }

  private record Timed(long delivered, long nanos) {}

  // ---- ping-pong ---------------------------------------------------------------------------------------------

  private record Ping(ActorRef<PingerMessage> replyTo) {}

  private sealed interface PingerMessage {}

  private record Go() implements PingerMessage {}

  /** The ponger's answer carries how many pings it has seen, so the pair's delivered count is the actors' own. */
  private record Pong(long pingsSeen) implements PingerMessage {}

  private static Timed pingPong(ActorSystem<Void> system, int pairs, int roundTrips) {
    List<ActorRef<PingerMessage>> pingers = new ArrayList<>();
    List<CompletableFuture<Long>> done = new ArrayList<>();
    for (int p = 0; p < pairs; p++) {
      ActorRef<Ping> ponger = system.systemActorOf(ponger(), "pong-" + p, Props.empty());
      CompletableFuture<Long> finished = new CompletableFuture<>();
      pingers.add(system.systemActorOf(pinger(ponger, roundTrips, finished), "ping-" + p, Props.empty()));
      done.add(finished);
    }
    long start = System.nanoTime();
    pingers.forEach(p -> p.tell(new Go()));
    long delivered = sum(done);
    return new Timed(delivered, System.nanoTime() - start);
  }

  private static Behavior<Ping> ponger() {
    return Behaviors.setup(ctx -> {
      long[] seen = {0};
      return Behaviors.receiveMessage(ping -> {
        ping.replyTo().tell(new Pong(++seen[0]));
        return Behaviors.same();
      });
    });
  }

  private static Behavior<PingerMessage> pinger(ActorRef<Ping> ponger, int roundTrips, CompletableFuture<Long> done) {
    return Behaviors.setup(ctx -> {
      long[] pongs = {0};
      return Behaviors.receive(PingerMessage.class)
          .onMessage(Go.class, go -> {
            ponger.tell(new Ping(ctx.getSelf()));
            return Behaviors.same();
          })
          .onMessage(Pong.class, pong -> {
            if (++pongs[0] == roundTrips) {
              done.complete(pongs[0] + pong.pingsSeen());
              return Behaviors.stopped();
            }
            ponger.tell(new Ping(ctx.getSelf()));
            return Behaviors.same();
          })
          .build();
    });
  }

  // ---- fan-out -----------------------------------------------------------------------------------------------

  private record Work(int n) {}

  private static Timed fanOut(ActorSystem<Void> system, int workers, int messagesEach) {
    List<ActorRef<Work>> refs = new ArrayList<>();
    List<CompletableFuture<Long>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      CompletableFuture<Long> finished = new CompletableFuture<>();
      refs.add(system.systemActorOf(counter(messagesEach, finished), "worker-" + w, Props.empty()));
      done.add(finished);
    }
    ActorRef<Go> source = system.systemActorOf(Behaviors.receiveMessage(go -> {
      for (int m = 0; m < messagesEach; m++) {
        for (ActorRef<Work> ref : refs) ref.tell(new Work(m));
      }
      return Behaviors.same();
    }), "source", Props.empty());
    long start = System.nanoTime();
    source.tell(new Go());
    long delivered = sum(done);
    return new Timed(delivered, System.nanoTime() - start);
  }

  private static Behavior<Work> counter(int expected, CompletableFuture<Long> done) {
    return Behaviors.setup(ctx -> {
      long[] seen = {0};
      return Behaviors.receiveMessage(work -> {
        if (++seen[0] == expected) done.complete(seen[0]);
        return Behaviors.same();
      });
    });
  }

  // ---- lockstep ----------------------------------------------------------------------------------------------

  private record Step(long step, ActorRef<CoordinatorMessage> replyTo) {}

  private sealed interface CoordinatorMessage {}

  private record Start() implements CoordinatorMessage {}

  /** A worker's answer to a step, with how many steps it has been sent. */
  private record Ack(long step, long stepsSeen) implements CoordinatorMessage {}

  private static Timed lockstep(ActorSystem<Void> system, int workers, int steps) {
    List<ActorRef<Step>> refs = new ArrayList<>();
    for (int w = 0; w < workers; w++) refs.add(system.systemActorOf(stepper(), "stepper-" + w, Props.empty()));
    CompletableFuture<Long> done = new CompletableFuture<>();
    ActorRef<CoordinatorMessage> coordinator =
        system.systemActorOf(coordinator(refs, steps, done), "coordinator", Props.empty());
    long start = System.nanoTime();
    coordinator.tell(new Start());
    long delivered = await(done);
    return new Timed(delivered, System.nanoTime() - start);
  }

  private static Behavior<Step> stepper() {
    return Behaviors.setup(ctx -> {
      long[] seen = {0};
      return Behaviors.receiveMessage(step -> {
        step.replyTo().tell(new Ack(step.step(), ++seen[0]));
        return Behaviors.same();
      });
    });
  }

  /**
   * Releases step n+1 only when every worker has answered step n. Delivered = the acks it received plus the steps
   * the workers say they received (their last ack's count, summed at the end).
   */
  private static Behavior<CoordinatorMessage> coordinator(List<ActorRef<Step>> workers, int steps,
      CompletableFuture<Long> done) {
    return Behaviors.setup(ctx -> {
      long[] state = {0, 0, 0, 0}; // step, acks in this step, acks in total, steps seen by workers in the last step
      return Behaviors.receive(CoordinatorMessage.class)
          .onMessage(Start.class, s -> {
            state[0] = 1;
            workers.forEach(w -> w.tell(new Step(1, ctx.getSelf())));
            return Behaviors.same();
          })
          .onMessage(Ack.class, ack -> {
            if (ack.step() != state[0]) throw new IllegalStateException("ack of step " + ack.step() + " in " + state[0]);
            state[1]++;
            state[2]++;
            if (state[0] == steps) state[3] += ack.stepsSeen();
            if (state[1] < workers.size()) return Behaviors.same();
            if (state[0] == steps) {
              done.complete(state[2] + state[3]);
              return Behaviors.stopped();
            }
            state[0]++;
            state[1] = 0;
            long next = state[0];
            workers.forEach(w -> w.tell(new Step(next, ctx.getSelf())));
            return Behaviors.same();
          })
          .build();
    });
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  /** The swarm's configuration as a plain local actor system: the ceiling is the actors, not the cluster. */
  private static Config config() {
    return ConfigFactory.parseString("pekko.actor.provider = local\n"
        + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"
        + "pekko.loglevel = WARNING").withFallback(ConfigFactory.load());
  }

  private static String dispatcherSettings(Config config) {
    Config d = config.getConfig("pekko.actor.default-dispatcher");
    Config fj = d.getConfig("fork-join-executor");
    String executor = d.getString("executor");
    if (executor.equals("default-executor")) executor = d.getString("default-executor.fallback");
    return String.format(Locale.ROOT, "default dispatcher %s (parallelism min %d, factor %s, max %d), throughput %d",
        executor, fj.getInt("parallelism-min"), fj.getDouble("parallelism-factor"),
        fj.getInt("parallelism-max"), d.getInt("throughput"));
  }

  private static long sum(List<CompletableFuture<Long>> futures) {
    return futures.stream().collect(Collectors.summingLong(ActorCeilingBenchmark::await));
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("actor benchmark did not finish: " + e, e);
    }
  }
}
