package io.strikeswarm.swarm.backtest;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.risk.SwarmRisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Replays a merged market timeline through the sharded bots in lockstep (DESIGN §2). Logically the clock moves one
 * bar at a time and no bar is released before every bot has acknowledged the previous one; physically bars travel in
 * steps of many bars, in two phases, which gives the same result:
 *
 * <ol>
 *   <li>the master says which trading state the step starts in ({@code BeginStep}); while the swarm is REDUCING a
 *       step ends at the UTC day's end, where that state lifts;</li>
 *   <li>every bot trades its instrument's bars of the step tentatively ({@code EvaluateBars}) and reports its equity
 *       after each bar — bots are pure functions of their state, their bars and the trading state, so this is what
 *       they would do bar by bar;</li>
 *   <li>the master checks its limits on the swarm's equity at each bar time in order ({@code AssessRisk}); the first
 *       limit that trips ends the step at that bar;</li>
 *   <li>every bot persists exactly the bars kept ({@code CommitBars}); after a breaker the master halts the swarm
 *       (every bot cancels, flattens at that bar's close) before the next step.</li>
 * </ol>
 * A bot whose market memory is behind its journal (fresh start, restart elsewhere, a step cut short) is warmed up
 * from the timeline before it trades again. A HALTED the driver did not cause itself — the operator's kill switch, or
 * a halt a restart finds — is made true of every bot (halted, orders cancelled, flat) before another bar is traded.
 * Nothing here reads the wall clock except the progress display.
 */
public final class ReplayDriver {
  /** How many bars one warm-up message carries (keeps messages small enough for remoting). */
  static final int WARM_UP_CHUNK = 1_000;

  public record BotSlot(String botId, int diamond, String instrument) {}

  /** The swarm's equity after one bar time: total, per diamond, and the trading state bars after it start in. */
  public record EquitySample(long timeMs, long totalUnits, long[] diamondUnits, TradingState state) {}

  public record Outcome(List<EquitySample> equity, List<SwarmRisk.Change> riskChanges, long botBars, long steps,
      long warmUps, long replayNanos) {}

  /** Called after every step with bar times done and total; for a progress bar. */
  public interface Progress {
    void update(long timesDone, long timesTotal, long botBars, long elapsedNanos);
  }

  /**
   * Paces a live-like replay: called before each step with its first bar time; blocks until that bar is due and
   * returns false to stop the replay there (nothing of that step has happened yet).
   */
  public interface Pacer {
    boolean awaitStep(long firstBarTimeMs);
  }

  /**
   * Told, per instrument, the last bar of a step the bots are about to commit — before the commit, so before a bot
   * on a routed venue sends the orders it decided (the paper CEX market quotes around it).
   */
  public interface BeforeCommit {
    void lastBarsKept(java.util.Collection<Bar> lastBarPerInstrument);
  }

  /** Told what every step committed: its equity samples, a change of trading state if any, and its costs. */
  public interface StepListener {
    void stepCommitted(List<EquitySample> samples, SwarmRisk.Change change, long botBars, long commitNanos);
  }

  private BeforeCommit beforeCommit = bars -> {};
  private final ActorSystem<?> system;
  private final ActorRef<Master.Command> master;
  private final Function<String, RecipientRef<BotEntity.Command>> bots;
  private final List<BotSlot> slots;
  private long masterUnits;
  private long[] diamondConstUnits;
  private java.util.function.Supplier<long[]> outside;
  private final long[] botEquity;
  private final int maxStepTimes;
  private final Duration timeout;
  private final Progress progress;
  private Pacer pacer;
  private StepListener listener;
  /** Per slot, the last bar time its journal already holds when the replay starts (resuming a paper session). */
  private long[] committedThrough;

  /**
   * @param masterUnits equity the master holds outside every diamond (reserve, unallocated), units of 10^-8
   * @param diamondConstUnits per diamond index, equity held outside its bots (its pool)
   * @param botStartUnits per slot, each bot's equity before the first bar
   */
  public ReplayDriver(ActorSystem<?> system, ActorRef<Master.Command> master,
      Function<String, RecipientRef<BotEntity.Command>> bots, List<BotSlot> slots, long masterUnits,
      long[] diamondConstUnits, long[] botStartUnits, int maxStepTimes, Duration timeout, Progress progress) {
    if (maxStepTimes < 1) throw new IllegalArgumentException("step must hold at least one bar time");
    this.system = system;
    this.master = master;
    this.bots = bots;
    this.slots = List.copyOf(slots);
    this.masterUnits = masterUnits;
    this.diamondConstUnits = diamondConstUnits.clone();
    this.botEquity = botStartUnits.clone();
    this.maxStepTimes = maxStepTimes;
    this.timeout = timeout;
    this.progress = progress;
    this.committedThrough = new long[slots.size()];
    java.util.Arrays.fill(committedThrough, Long.MIN_VALUE);
  }

  public ReplayDriver pacedBy(Pacer pacer) {
    this.pacer = pacer;
    return this;
  }

  /**
   * Where the equity held outside the bots is read before each step ({@code [master, pool 0, 1, 2]}): in an operated
   * swarm an operator may move capital between the master and the diamonds while the feed runs.
   */
  public ReplayDriver readingOutsideEquityFrom(java.util.function.Supplier<long[]> outside) {
    this.outside = outside;
    return this;
  }

  public ReplayDriver beforeEachCommit(BeforeCommit hook) {
    this.beforeCommit = hook;
    return this;
  }

  public ReplayDriver reportingTo(StepListener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Resumes a session: per slot, the last bar time the bot has committed. The replay starts at the first bar time
   * after the earliest of them, and each bot gets only bars after its own; so a session stopped (or killed) at
   * any point goes on without a bar lost or traded twice.
   */
  public ReplayDriver resumingAfter(long[] lastCommittedBarTimes) {
    if (lastCommittedBarTimes.length != slots.size()) throw new IllegalArgumentException("one time per slot");
    this.committedThrough = lastCommittedBarTimes.clone();
    return this;
  }

  public Outcome run(List<Bar> timeline) {
    long started = System.nanoTime();
    long[] times = distinctTimes(timeline);
    int[] firstBarOfTime = firstIndexOfEachTime(timeline, times.length);
    Map<String, List<Integer>> slotsByInstrument = new HashMap<>();
    for (int b = 0; b < slots.size(); b++) {
      slotsByInstrument.computeIfAbsent(slots.get(b).instrument(), k -> new ArrayList<>()).add(b);
    }
    List<EquitySample> equity = new ArrayList<>(times.length);
    List<SwarmRisk.Change> changes = new ArrayList<>();
    long botBars = 0;
    long steps = 0;
    long warmUps = 0;
    int cursor = resumePoint(timeline, times);
    TradingState previous = null;
    while (cursor < times.length) {
      if (pacer != null && !pacer.awaitStep(times[cursor])) break;
      if (outside != null) {
        long[] now = outside.get();
        masterUnits = now[0];
        diamondConstUnits = java.util.Arrays.copyOfRange(now, 1, now.length);
      }
      long stepId = ++steps;
      long stepStart = times[cursor];
      Master.RiskAssessment begun = ask(master, r -> new Master.BeginStep(stepStart, r));
      if (begun.change() != null) changes.add(begun.change());
      TradingState state = begun.state();
      if (state == TradingState.HALTED && previous != TradingState.HALTED) {
        // Halted from outside the lockstep: the operator's kill switch, whose halts the supervisors take to the bots
        // one at a time while bars go on, or a halt a restart found (the node died between the breaker and the
        // bots' halts). No bar is traded until every bot is flat and halted.
        Master.RiskView risk = this.<Master.RiskView>askPlain(master, Master.GetRisk::new);
        haltEveryBot(risk.risk().reason(), lastCommittedTime(times, cursor, stepStart));
      }
      int end = stepEnd(times, cursor, state);
      int barFrom = firstBarOfTime[cursor];
      int barTo = end < times.length ? firstBarOfTime[end] : timeline.size();

      Map<String, List<Bar>> barsByInstrument = new HashMap<>();
      for (int i = barFrom; i < barTo; i++) {
        Bar bar = timeline.get(i);
        barsByInstrument.computeIfAbsent(bar.instrument(), k -> new ArrayList<>()).add(bar);
      }
      long[][] evaluated = new long[slots.size()][];
      List<CompletableFuture<BotEntity.Evaluation>> asks = new ArrayList<>();
      List<List<Bar>> slotBars = new ArrayList<>(slots.size());
      for (int b = 0; b < slots.size(); b++) {
        slotBars.add(after(barsByInstrument.getOrDefault(slots.get(b).instrument(), List.of()), committedThrough[b]));
        asks.add(evaluate(slots.get(b), stepId, slotBars.get(b), state));
      }
      for (int b = 0; b < slots.size(); b++) {
        BotEntity.Evaluation e = await(asks.get(b), slots.get(b).botId());
        if (e.needsWarmUp()) {
          warmUp(slots.get(b), timeline, e.lastBarTimeMs());
          warmUps++;
          e = await(evaluate(slots.get(b), stepId, slotBars.get(b), state), slots.get(b).botId());
          if (e.needsWarmUp()) throw new IllegalStateException("bot " + slots.get(b).botId() + " did not warm up");
        }
        evaluated[b] = e.equityAfterBar();
      }

      // The swarm's equity after each bar time of the step, bot equities carried forward between their bars.
      int n = end - cursor;
      long[] stepTimes = new long[n];
      long[] stepTotals = new long[n];
      long[][] stepDiamonds = new long[n][];
      int[] pointer = new int[slots.size()];
      long[] runningBots = botEquity.clone();
      int bar = barFrom;
      for (int t = 0; t < n; t++) {
        long time = times[cursor + t];
        while (bar < barTo && timeline.get(bar).timeMs() == time) {
          for (int b : slotsByInstrument.getOrDefault(timeline.get(bar).instrument(), List.of())) {
            if (time > committedThrough[b]) runningBots[b] = evaluated[b][pointer[b]++];
          }
          bar++;
        }
        stepTimes[t] = time;
        stepDiamonds[t] = diamondTotals(runningBots);
        stepTotals[t] = total(stepDiamonds[t]);
      }

      Master.RiskAssessment assessment = ask(master, r -> new Master.AssessRisk(stepTimes, stepTotals, r));
      int kept = assessment.pointsKept();
      long lastKept = stepTimes[kept - 1];
      Map<String, Bar> lastKeptBars = new java.util.TreeMap<>();
      barsByInstrument.forEach((instrument, bars) -> bars.stream().filter(x -> x.timeMs() <= lastKept)
          .reduce((a, b) -> b).ifPresent(last -> lastKeptBars.put(instrument, last)));
      beforeCommit.lastBarsKept(lastKeptBars.values());
      long commitStarted = System.nanoTime();
      List<CompletableFuture<BotEntity.Committed>> commits = new ArrayList<>();
      int[] counts = new int[slots.size()];
      for (int b = 0; b < slots.size(); b++) {
        int count = countThrough(slotBars.get(b), lastKept);
        counts[b] = count;
        botBars += count;
        if (count > 0) botEquity[b] = evaluated[b][count - 1];
        commits.add(commit(slots.get(b), stepId, count));
      }
      for (int b = 0; b < slots.size(); b++) {
        try {
          await(commits.get(b), slots.get(b).botId());
        } catch (IllegalStateException refused) {
          // An operator's command (pause, halt, parameters, capital) reached the bot between its evaluation and
          // this commit and dropped the evaluated step: trade the same bars again from its new state.
          redo(slots.get(b), b, stepId, slotBars.get(b).subList(0, counts[b]), state, timeline, refused);
        }
      }
      long commitNanos = System.nanoTime() - commitStarted;

      for (int t = 0; t < kept; t++) {
        boolean last = t == kept - 1;
        equity.add(new EquitySample(stepTimes[t], stepTotals[t], stepDiamonds[t], last ? assessment.state() : state));
      }
      if (assessment.change() != null) {
        changes.add(assessment.change());
        if (assessment.state() == TradingState.HALTED) {
          // The breaker flattened at this bar's close: that bar's equity is what the bots hold after the halt.
          haltEveryBot("breaker: " + assessment.change().reason(), lastKept);
          EquitySample last = equity.remove(equity.size() - 1);
          long[] diamonds = diamondTotals(botEquity);
          equity.add(new EquitySample(last.timeMs(), total(diamonds), diamonds, last.state()));
        }
      }
      cursor += kept;
      previous = assessment.state();
      if (listener != null) {
        listener.stepCommitted(List.copyOf(equity.subList(equity.size() - kept, equity.size())),
            assessment.change(), countBars(counts), commitNanos);
      }
      if (progress != null) progress.update(cursor, times.length, botBars, System.nanoTime() - started);
    }
    return new Outcome(equity, changes, botBars, steps, warmUps, System.nanoTime() - started);
  }

  private CompletableFuture<BotEntity.Committed> commit(BotSlot slot, long stepId, int count) {
    return AskPattern.<BotEntity.Command, BotEntity.Committed>askWithStatus(bots.apply(slot.botId()),
        r -> new BotEntity.CommitBars(stepId, count, r), timeout, system.scheduler()).toCompletableFuture();
  }

  private void redo(BotSlot slot, int b, long stepId, List<Bar> bars, TradingState state, List<Bar> timeline,
      IllegalStateException why) {
    if (why.getMessage() == null || !why.getMessage().contains("no evaluated step")) throw why;
    long redoId = -stepId;
    BotEntity.Evaluation e = await(evaluate(slot, redoId, bars, state), slot.botId());
    if (e.needsWarmUp()) {
      warmUp(slot, timeline, e.lastBarTimeMs());
      e = await(evaluate(slot, redoId, bars, state), slot.botId());
    }
    await(commit(slot, redoId, bars.size()), slot.botId());
    if (e.equityAfterBar().length > 0) botEquity[b] = e.equityAfterBar()[e.equityAfterBar().length - 1];
  }

  private static long countBars(int[] counts) {
    long n = 0;
    for (int c : counts) n += c;
    return n;
  }

  private static List<Bar> after(List<Bar> bars, long timeMs) {
    if (timeMs == Long.MIN_VALUE || bars.isEmpty() || bars.get(0).timeMs() > timeMs) return bars;
    return bars.subList(countThrough(bars, timeMs), bars.size());
  }

  /** The first bar time some bot has not committed: the earliest bar of any bot's instrument after its own last. */
  private int resumePoint(List<Bar> timeline, long[] times) {
    long start = Long.MAX_VALUE;
    for (int b = 0; b < slots.size(); b++) {
      long floor = committedThrough[b];
      String instrument = slots.get(b).instrument();
      for (Bar bar : timeline) {
        if (bar.timeMs() >= start) break;
        if (bar.timeMs() > floor && bar.instrument().equals(instrument)) {
          start = bar.timeMs();
          break;
        }
      }
    }
    int i = 0;
    while (i < times.length && times[i] < start) i++;
    return i;
  }

  private int stepEnd(long[] times, int cursor, TradingState state) {
    int end = Math.min(times.length, cursor + maxStepTimes);
    if (state != TradingState.REDUCING) return end;
    long day = Math.floorDiv(times[cursor], 86_400_000L);
    int i = cursor + 1;
    while (i < end && Math.floorDiv(times[i], 86_400_000L) == day) i++;
    return i;
  }

  private CompletableFuture<BotEntity.Evaluation> evaluate(BotSlot slot, long stepId, List<Bar> bars, TradingState state) {
    return AskPattern.<BotEntity.Command, BotEntity.Evaluation>askWithStatus(bots.apply(slot.botId()),
        r -> new BotEntity.EvaluateBars(stepId, bars, state, r), timeout, system.scheduler()).toCompletableFuture();
  }

  /** Feeds a bot every bar of its instrument up to its last committed bar, in chunks. */
  private void warmUp(BotSlot slot, List<Bar> timeline, long throughMs) {
    List<Bar> history = new ArrayList<>();
    for (Bar bar : timeline) {
      if (bar.timeMs() > throughMs) break;
      if (bar.instrument().equals(slot.instrument())) history.add(bar);
    }
    int from = 0;
    do {
      List<Bar> chunk = history.subList(from, Math.min(history.size(), from + WARM_UP_CHUNK));
      boolean restart = from == 0;
      await(AskPattern.<BotEntity.Command, org.apache.pekko.Done>askWithStatus(bots.apply(slot.botId()),
          r -> new BotEntity.WarmUp(List.copyOf(chunk), restart, r), timeout, system.scheduler()).toCompletableFuture(),
          slot.botId());
      from += WARM_UP_CHUNK;
    } while (from < history.size());
  }

  /**
   * Halts the swarm through the master (a repeated halt changes nothing there, and the supervisors only halt bots not
   * halted yet) and waits until every bot is halted; their books are then taken as they are.
   */
  private void haltEveryBot(String reason, long marketTimeMs) {
    this.<org.apache.pekko.Done>ask(master, r -> new Master.HaltSwarm(reason, marketTimeMs, r));
    long deadline = System.nanoTime() + timeout.multipliedBy(4).toNanos();
    for (int b = 0; b < slots.size(); b++) {
      BotSlot slot = slots.get(b);
      while (true) {
        BotView view = await(AskPattern.<BotEntity.Command, BotView>ask(bots.apply(slot.botId()),
            BotEntity.GetState::new, timeout, system.scheduler()).toCompletableFuture(), slot.botId());
        if (view.status() == BotStatus.HALTED || view.status() == BotStatus.RETIRED) {
          botEquity[b] = view.equity().unscaledValue().longValueExact();
          break;
        }
        if (System.nanoTime() > deadline) throw new IllegalStateException("bot " + slot.botId() + " did not halt");
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while halting", e);
        }
      }
    }
  }

  private long total(long[] diamonds) {
    long total = masterUnits;
    for (long d : diamonds) total += d;
    return total;
  }

  private long[] diamondTotals(long[] perBot) {
    long[] totals = diamondConstUnits.clone();
    for (int b = 0; b < slots.size(); b++) totals[slots.get(b).diamond()] += perBot[b];
    return totals;
  }

  private static int countThrough(List<Bar> bars, long timeMs) {
    int lo = 0;
    int hi = bars.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bars.get(mid).timeMs() <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static long[] distinctTimes(List<Bar> timeline) {
    long[] out = new long[timeline.size()];
    int n = 0;
    for (Bar bar : timeline) {
      if (n > 0 && bar.timeMs() < out[n - 1]) {
        throw new IllegalArgumentException("timeline is not in time order at " + bar.timeMs());
      }
      if (n == 0 || bar.timeMs() != out[n - 1]) out[n++] = bar.timeMs();
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static int[] firstIndexOfEachTime(List<Bar> timeline, int distinct) {
    int[] first = new int[distinct];
    int t = -1;
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < timeline.size(); i++) {
      long time = timeline.get(i).timeMs();
      if (t < 0 || time != previous) first[++t] = i;
      previous = time;
    }
    return first;
  }

  /** The bar time before {@code cursor}: the last one committed when a step at {@code cursor} begins. */
  private static long lastCommittedTime(long[] times, int cursor, long stepStart) {
    return cursor > 0 ? times[cursor - 1] : stepStart;
  }

  private <T> T askPlain(RecipientRef<Master.Command> target, Function<ActorRef<T>, Master.Command> message) {
    CompletionStage<T> stage = AskPattern.ask(target, message::apply, timeout, system.scheduler());
    return await(stage.toCompletableFuture(), "master");
  }

  private <T> T ask(RecipientRef<Master.Command> target,
      Function<ActorRef<org.apache.pekko.pattern.StatusReply<T>>, Master.Command> message) {
    CompletionStage<T> stage = AskPattern.askWithStatus(target, message::apply, timeout, system.scheduler());
    return await(stage.toCompletableFuture(), "master");
  }

  private static <T> T await(CompletableFuture<T> future, String who) {
    try {
      return future.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + who, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(who + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(who + " did not answer", e);
    }
  }
}
