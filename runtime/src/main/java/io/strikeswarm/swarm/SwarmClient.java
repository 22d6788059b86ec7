package io.strikeswarm.swarm;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/** Blocking asks against a running swarm, for the CLI and tests. Errors from the swarm come back as exceptions. */
public final class SwarmClient {
  private final SwarmRuntime runtime;
  private final Duration timeout;

  public SwarmClient(SwarmRuntime runtime, Duration timeout) {
    this.runtime = runtime;
    this.timeout = timeout;
  }

  public SwarmView swarm() {
    return await(AskPattern.ask(runtime.master(), Master.GetSwarm::new, timeout, scheduler()));
  }

  public DiamondView.Roster roster(DiamondKind kind) {
    return await(AskPattern.ask(runtime.master(), r -> new Master.GetRoster(kind, r), timeout, scheduler()));
  }

  public DiamondView.RebalanceResult rebalance(DiamondKind kind) {
    return await(AskPattern.askWithStatus(runtime.master(), r -> new Master.Rebalance(kind, r), timeout,
        scheduler()));
  }

  public Done manage(String botId, DiamondSupervisor.BotAction action) {
    return await(AskPattern.askWithStatus(runtime.master(), r -> new Master.ManageBot(botId, action, r), timeout,
        scheduler()));
  }

  public BotView bot(String botId) {
    return await(AskPattern.ask(runtime.recipient(botId), BotEntity.GetState::new, timeout, scheduler()));
  }

  public List<BotView> bots(List<String> botIds) {
    List<CompletableFuture<BotView>> asks = new ArrayList<>();
    for (String id : botIds) {
      asks.add(AskPattern.ask(runtime.recipient(id), BotEntity.GetState::new, timeout, scheduler())
          .toCompletableFuture());
    }
    List<BotView> views = new ArrayList<>();
    for (CompletableFuture<BotView> ask : asks) views.add(await(ask));
    return views;
  }

  /**
   * Waits until the master is initialized and every diamond has its configured bots with no operation in flight,
   * which on a first start is the default roster being created and funded.
   */
  public void awaitSettled(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        SwarmView view = swarm();
        if (view.initialized() && settled(view)) return;
      } catch (RuntimeException notYet) {
        // the singleton may still be starting
      }
      if (System.nanoTime() > deadline) throw new IllegalStateException("the swarm did not settle within " + limit);
      sleep(100);
    }
  }

  private boolean settled(SwarmView view) {
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Roster roster = roster(kind);
      if (roster.pendingOps() > 0 || roster.bots().size() < view.config().diamond(kind).bots()) return false;
    }
    return true;
  }

  private org.apache.pekko.actor.typed.Scheduler scheduler() {
    return runtime.system().scheduler();
  }

  private <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw new SwarmCommandException(cause.getMessage(), cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new SwarmCommandException("no answer within " + timeout, e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The swarm refused a command or did not answer; the message says why. */
  public static final class SwarmCommandException extends RuntimeException {
    public SwarmCommandException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
