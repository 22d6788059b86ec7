package io.strikeswarm.http.view;

import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondView;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Keeps the latest {@link SwarmSnapshot}: asks the master for its books and risk state and each diamond for its
 * roster and its bots' views, on a timer, after every feed step and after every command. The API's reads come from
 * the snapshot (cheap, consistent across endpoints, never more than one refresh old); what changed between two
 * snapshots goes to the live feed. One refresh runs at a time; a request during a refresh schedules one more.
 */
public final class SwarmMonitor implements AutoCloseable {
  private final ActorSystem<?> system;
  private final ActorRef<Master.Command> master;
  private final Supplier<FeedStatus> feed;
  private final EventHub hub;
  private final SwarmMetrics metrics;
  private final Duration timeout;
  private final AtomicReference<SwarmSnapshot> latest = new AtomicReference<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile CompletableFuture<SwarmSnapshot> next = new CompletableFuture<>();
  private volatile Cancellable timer;

  public SwarmMonitor(ActorSystem<?> system, ActorRef<Master.Command> master, Supplier<FeedStatus> feed, EventHub hub,
      SwarmMetrics metrics, Duration timeout) {
    this.system = system;
    this.master = master;
    this.feed = feed;
    this.hub = hub;
    this.metrics = metrics;
    this.timeout = timeout;
  }

  public void start(Duration interval) {
    timer = system.scheduler().scheduleWithFixedDelay(Duration.ZERO, interval, this::refresh, system.executionContext());
  }

  public Optional<SwarmSnapshot> latest() {
    return Optional.ofNullable(latest.get());
  }

  /** A snapshot taken after this call (the one in progress does not count: it may predate the caller's change). */
  public CompletionStage<SwarmSnapshot> refresh() {
    CompletableFuture<SwarmSnapshot> waiter = next;
    if (running.compareAndSet(false, true)) {
      run();
    } else {
      again.set(true);
    }
    return waiter;
  }

  private void run() {
    CompletableFuture<SwarmSnapshot> completes = next;
    next = new CompletableFuture<>();
    take().whenComplete((snapshot, error) -> {
      if (error == null) {
        SwarmSnapshot previous = latest.getAndSet(snapshot);
        try {
          publishChanges(previous, snapshot);
        } catch (RuntimeException e) {
          system.log().warn("publishing swarm updates failed: {}", e.toString());
        }
        completes.complete(snapshot);
      } else {
        completes.completeExceptionally(error);
      }
      if (again.getAndSet(false)) {
        run();
      } else {
        running.set(false);
        // a request that slipped in between the check and the reset
        if (again.getAndSet(false) && running.compareAndSet(false, true)) run();
      }
    });
  }

  private CompletionStage<SwarmSnapshot> take() {
    CompletableFuture<SwarmView> swarm = ask(Master.GetSwarm::new);
    CompletableFuture<Master.RiskView> risk = ask(Master.GetRisk::new);
    Map<DiamondKind, CompletableFuture<DiamondView.Roster>> rosters = new EnumMap<>(DiamondKind.class);
    Map<DiamondKind, CompletableFuture<DiamondView.Stats>> stats = new EnumMap<>(DiamondKind.class);
    for (DiamondKind kind : DiamondKind.values()) {
      rosters.put(kind, ask(r -> new Master.GetRoster(kind, r)));
      stats.put(kind, ask(r -> new Master.GetStats(kind, r)));
    }
    List<CompletableFuture<?>> all = new java.util.ArrayList<>(List.of(swarm, risk));
    all.addAll(rosters.values());
    all.addAll(stats.values());
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<DiamondKind, DiamondView.Roster> r = new EnumMap<>(DiamondKind.class);
      Map<DiamondKind, DiamondView.Stats> s = new EnumMap<>(DiamondKind.class);
      for (DiamondKind kind : DiamondKind.values()) {
        r.put(kind, rosters.get(kind).join());
        s.put(kind, stats.get(kind).join());
      }
      return new SwarmSnapshot(System.currentTimeMillis(), swarm.join(), risk.join(), Map.copyOf(r), Map.copyOf(s),
          feed.get());
    });
  }

  private <T> CompletableFuture<T> ask(org.apache.pekko.japi.function.Function<ActorRef<T>, Master.Command> message) {
    return AskPattern.ask(master, message, timeout, system.scheduler()).toCompletableFuture();
  }

  private void publishChanges(SwarmSnapshot before, SwarmSnapshot now) {
    Presenter.Swarm swarm = Presenter.swarm(now);
    metrics.swarmEquity(swarm.equity(), swarm.pnl());
    metrics.tradingState(swarm.tradingState());
    List<Presenter.Diamond> diamonds = Presenter.diamonds(now);
    for (Presenter.Diamond d : diamonds) metrics.diamondEquity(d.name(), d.equity(), d.pnl());
    if (before == null || !Objects.equals(Presenter.swarm(withTime(before, now)), swarm)) hub.publish("swarm", swarm);
    if (before != null && before.risk().state() != now.risk().state()) {
      hub.publish("risk", Map.of("from", before.risk().state(), "to", now.risk().state(),
          "reason", String.valueOf(now.risk().risk() == null ? "" : now.risk().risk().reason())));
    }
    List<Presenter.Diamond> diamondsBefore = before == null ? List.of() : Presenter.diamonds(before);
    for (Presenter.Diamond d : diamonds) {
      if (!diamondsBefore.contains(d)) hub.publish("diamond", d);
    }
    Map<String, BotView> old = new HashMap<>();
    if (before != null) for (DiamondView.Stats s : before.stats().values()) for (BotView v : s.bots()) old.put(v.botId(), v);
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Stats s = now.stats().get(kind);
      for (BotView v : s.bots()) {
        if (!v.equals(old.get(v.botId()))) hub.publish("bot", Presenter.bot(kind, v));
      }
    }
  }

  /** The previous snapshot with the new one's clock, so only a real change counts as one. */
  private static SwarmSnapshot withTime(SwarmSnapshot s, SwarmSnapshot now) {
    return new SwarmSnapshot(now.asOfMs(), s.swarm(), s.risk(), s.rosters(), s.stats(), s.feed());
  }

  @Override
  public void close() {
    if (timer != null) timer.cancel();
  }
}
