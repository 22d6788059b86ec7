package io.strikeswarm.swarm.paper;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.http.view.EquityHistory;
import io.strikeswarm.http.view.FeedStatus;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.swarm.backtest.ReplayDriver;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper trading on replayed market data: the backtest's lockstep driver, one bar time per step, paced to a speed
 * against the wall clock, on its own thread. Same bots, venue model and risk rules as a backtest; what differs is
 * that it runs as a service (stoppable between steps, resumable from the journal) and reports every step to the
 * equity history, the metrics and whoever listens.
 */
public final class PaperFeed {
  private static final Logger log = LoggerFactory.getLogger(PaperFeed.class);

  private final ReplayDriver driver;
  private final List<Bar> timeline;
  private final Speed speed;
  private final String source;
  private final EquityHistory history;
  private final SwarmMetrics metrics;
  private final Consumer<FeedStatus> onStep;
  private final long totalTimes;
  private final Thread thread;
  private final CompletableFuture<FeedStatus> ended = new CompletableFuture<>();
  private volatile boolean stopping;
  private volatile FeedStatus status;
  private volatile long doneTimes;
  private long anchorWallNanos = -1;
  private long anchorMarketMs;

  public PaperFeed(ReplayDriver driver, List<Bar> timeline, Speed speed, String source, long resumeAfterMs,
      EquityHistory history, SwarmMetrics metrics, Consumer<FeedStatus> onStep) {
    this.driver = driver;
    this.timeline = timeline;
    this.speed = speed;
    this.source = source;
    this.history = history;
    this.metrics = metrics;
    this.onStep = onStep;
    this.totalTimes = timeline.stream().mapToLong(Bar::timeMs).distinct().count();
    this.doneTimes = timeline.stream().mapToLong(Bar::timeMs).filter(t -> t <= resumeAfterMs).distinct().count();
    this.status = status("starting", resumeAfterMs > 0 ? resumeAfterMs : 0, null);
    this.thread = new Thread(this::run, "paper-feed");
    thread.setDaemon(true);
  }

  public void start() {
    driver.pacedBy(this::awaitStep).reportingTo(this::stepCommitted);
    thread.start();
  }

  public FeedStatus status() {
    return status;
  }

  /**
   * Completes with the feed's last status when it ends: {@code finished} at the end of its data, {@code stopped}, or
   * {@code failed}. Every step before it is committed by every bot.
   */
  public CompletionStage<FeedStatus> ended() {
    return ended;
  }

  /** Stops between two steps: the step in flight completes (every bot commits it), then the feed ends. */
  public void stop(long waitMs) {
    stopping = true; // never interrupt: a step cut in the middle would be resumed, but not "completed"
    try {
      thread.join(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    status = status("running", status.marketTimeMs(), null);
    try {
      driver.run(timeline);
      status = status(stopping ? "stopped" : "finished", status.marketTimeMs(), null);
      log.info("paper feed {} at market time {}", status.state(), java.time.Instant.ofEpochMilli(status.marketTimeMs()));
    } catch (RuntimeException e) {
      if (stopping) {
        status = status("stopped", status.marketTimeMs(), null);
      } else {
        status = status("failed", status.marketTimeMs(), e.getMessage());
        log.error("paper feed failed; the swarm keeps serving, trading stopped: {}", e.toString());
      }
    }
    try {
      onStep.accept(status);
    } finally {
      ended.complete(status);
    }
  }

  private boolean awaitStep(long firstBarTimeMs) {
    if (stopping) return false;
    if (speed.unpaced()) return true;
    long now = System.nanoTime();
    if (anchorWallNanos < 0) {
      anchorWallNanos = now;
      anchorMarketMs = firstBarTimeMs;
      return true;
    }
    long due = anchorWallNanos + speed.wallNanos(firstBarTimeMs - anchorMarketMs);
    while (!stopping && System.nanoTime() < due) {
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(due - System.nanoTime(), 200_000_000L));
      } catch (InterruptedException e) {
        if (stopping) return false;
      }
    }
    return !stopping;
  }

  private void stepCommitted(List<ReplayDriver.EquitySample> samples, io.strikeswarm.master.risk.SwarmRisk.Change change,
      long botBars, long commitNanos) {
    for (ReplayDriver.EquitySample s : samples) {
      Map<String, BigDecimal> diamonds = new LinkedHashMap<>();
      for (DiamondKind k : DiamondKind.values()) diamonds.put(k.id(), money(s.diamondUnits()[k.ordinal()]));
      history.add(s.timeMs(), money(s.totalUnits()), diamonds, s.state());
    }
    metrics.barsProcessed(botBars);
    metrics.journalCommit(commitNanos);
    doneTimes += samples.size();
    long last = samples.isEmpty() ? status.marketTimeMs() : samples.get(samples.size() - 1).timeMs();
    status = status("running", last, null);
    onStep.accept(status);
  }

  private FeedStatus status(String state, long marketTimeMs, String error) {
    return new FeedStatus("paper", state, source, speed.toString(), marketTimeMs, doneTimes, totalTimes, error);
  }

  private static BigDecimal money(long units) {
    return BigDecimal.valueOf(units, io.strikeswarm.bots.domain.Money.SCALE);
  }
}
