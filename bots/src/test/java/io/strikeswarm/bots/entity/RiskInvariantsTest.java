package io.strikeswarm.bots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity.BotConfigured;
import io.strikeswarm.bots.entity.BotEntity.CapitalAllocated;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.entity.BotEntity.MarketObserved;
import io.strikeswarm.bots.entity.BotEntity.OrderFilled;
import io.strikeswarm.bots.entity.BotEntity.PositionProtected;
import io.strikeswarm.bots.entity.BotEntity.StopTriggered;
import io.strikeswarm.bots.entity.BotEntity.TradeClosed;
import io.strikeswarm.bots.strategy.Strategy;
import io.strikeswarm.bots.trading.StrategyRuntime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The risk layer on any market: random price paths with gaps of several percent both ways and the occasional extreme
 * print, random but valid trade plans (every sizing mode, leverage 1 to 5, every protective exit on or off, notional
 * caps, price bands), both sides, both fill timings, a strategy that trades often, a swarm that now and then reduces
 * or halts and an operator who now and then pauses. Each run trades {@value #BARS} bars through {@link BotTrader} and
 * then walks the recorded events one by one, holding every event to these invariants:
 *
 * <ul>
 *   <li>an entry's notional is at most leverage × fraction × the equity before it, and at most the notional budget;
 *   <li>one position per bot: never more than one position or one waiting order, no adding to a position, no flip;
 *   <li>a stop fills worse than its level (plus slippage) only when the bar opened beyond the level, and then at the
 *       open (plus slippage);
 *   <li>isolated margin: no exit loses more than the closed part's margin plus the exit's slippage; a liquidation
 *       loses exactly the margin (plus the entry fee the ledger charges it), to the price tick's rounding;
 *   <li>equity: while a position is open the bot's equity stays above the equity it entered with less the position's
 *       margin and the fees paid since. That is the only way equity falls: it can go below zero only when a plan
 *       commits (nearly) all of it as margin and the levered fees eat the rest — so with
 *       fraction × (1 + 3 × leverage × costs) &lt; 1 equity is never negative;
 *   <li>the books balance after every event, and the ledger's pnl sums to the realized P&amp;L (plus the entry fees an
 *       open position still carries), so once flat Σ ClosedTrade.pnl == realizedPnl.
 * </ul>
 *
 * And the journal: replaying the recorded events onto the starting state gives exactly the final state, the events
 * through any bar k give exactly the state after bar k, and a quiet bar writes nothing (no two market observations
 * follow each other).
 */
class RiskInvariantsTest {

  private static final int BARS = 300;
  private static final String BOT = "p-01";
  private static final String BTC = "BTC-USD";
  private static final long T0 = 1_700_000_000_000L;
  private static final long MINUTE = 60_000L;
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal TICK = new BigDecimal("0.00000001");

  // ============================================================================================================
  // Properties
  // ============================================================================================================

  @Property(tries = 200)
  void theRiskLayerHoldsEveryInvariantOnAnyPath(@ForAll("scenarios") Scenario scenario) {
    Run run = scenario.run();
    new Audit(scenario, run).walk();

    // The paths must keep reaching every exit, a gap through a stop and a liquidation included.
    Statistics.label("ledger lines").coverage(coverage -> {
      for (String reason : List.of("signal", "stop-loss", "trailing-stop", "partial-take-profit", "take-profit",
          "time-exit", "liquidation")) {
        coverage.check(reason).count(n -> n > 0);
      }
    });
    Statistics.label("stop fills").coverage(coverage -> coverage.check("gapped: at the open").count(n -> n > 0));
    Statistics.label("leverage used").coverage(coverage -> coverage.check(5).count(n -> n > 0));
  }

  @Property(tries = 100)
  void theEventsReplayToExactlyTheStateTheBotTradedOn(@ForAll("scenarios") Scenario scenario,
      @ForAll @Size(5) List<@IntRange(min = 0, max = BARS) Integer> cuts) {
    Run run = scenario.run();

    assertThat(replay(run.start(), run.recorder().allEvents())).as("all events").isEqualTo(run.recorder().state());
    List<Integer> ks = new ArrayList<>(cuts);
    ks.add(BARS);
    for (int k : ks) {
      BotState expected = k == 0 ? run.start() : run.stateAfter().get(k - 1);
      assertThat(replay(run.start(), run.recorder().eventsThrough(k))).as("events through bar %d", k)
          .isEqualTo(expected);
    }
    // Quiet bars write nothing: of a run of market observations only the last is written, so no two follow each
    // other, and the journal ends with one.
    List<Event> all = run.recorder().allEvents();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i - 1) instanceof MarketObserved && all.get(i) instanceof MarketObserved)
          .as("events %d and %d are both market observations", i - 1, i).isFalse();
    }
    List<Event> throughAll = run.recorder().eventsThrough(BARS);
    assertThat(all).last().isInstanceOf(MarketObserved.class).isEqualTo(throughAll.get(throughAll.size() - 1));
    Statistics.label("events written per bar")
        .collect(all.size() < BARS / 2 ? "< 1/2" : all.size() < BARS ? "< 1" : ">= 1");
  }

  private static BotState replay(BotState start, List<Event> events) {
    BotState state = start;
    for (Event e : events) state = state.apply(e);
    return state;
  }

  // ============================================================================================================
  // The audit
  // ============================================================================================================

  /** Walks a run's events from the starting state and checks each against the invariants. */
  private static final class Audit {
    private final Scenario scenario;
    private final Run run;
    private final TradePlan plan;
    private final Map<Long, Bar> barAt = new HashMap<>();
    private final Map<Long, TradingState> swarmAt = new HashMap<>();

    private BotState state;
    private BigDecimal ledger = Money.ZERO;
    /** The equity before the entry of the position open now (or last), its margin, the fees paid before it. */
    private BigDecimal entryEquity;
    private BigDecimal entryMargin;
    private BigDecimal feesBeforeEntry;
    /** Set by a StopTriggered, checked on the fill that follows it. */
    private StopTriggered trigger;
    private PositionGuard guardAtTrigger;
    private Position positionAtTrigger;

    Audit(Scenario scenario, Run run) {
      this.scenario = scenario;
      this.run = run;
      this.plan = scenario.config().plan();
      this.state = run.start();
      for (int i = 0; i < run.bars().size(); i++) {
        barAt.put(run.bars().get(i).timeMs(), run.bars().get(i));
        swarmAt.put(run.bars().get(i).timeMs(), scenario.moves().get(i).swarm());
      }
    }

    void walk() {
      List<Event> events = run.recorder().allEvents();
      for (Event event : events) {
        BotState before = state;
        state = state.apply(event);
        if (event instanceof StopTriggered t) {
          trigger = t;
          guardAtTrigger = before.guard();
          positionAtTrigger = before.position();
        } else if (event instanceof OrderFilled f) {
          onFill(before, f.fill());
        } else if (event instanceof TradeClosed c) {
          onLedgerLine(c.trade());
        } else if (event instanceof PositionProtected p && before.position() != null
            && before.guard() == null) {
          entryMargin = p.guard().margin();
        } else if (event instanceof MarketObserved) {
          afterBar();
        }
        onePositionOneOrder();
        assertThat(state.portfolio().isBalanced()).as("books balance after %s", event).isTrue();
      }
      afterBar();
      if (state.position() == null) {
        assertThat(ledger).as("flat: Σ ClosedTrade.pnl == realized P&L").isEqualTo(state.portfolio().realizedPnl());
      }
    }

    private void onFill(BotState before, Fill fill) {
      Position held = before.position();
      if (held == null) {
        // An entry: by an active bot in an active swarm, on the bot's side, within leverage × fraction × equity and
        // the budget.
        assertThat(before.status()).as("bot status at an entry fill").isEqualTo(BotStatus.ACTIVE);
        assertThat(swarmAt.get(fill.timeMs())).as("swarm at an entry fill").isEqualTo(TradingState.ACTIVE);
        assertThat(fill.action()).isEqualTo(scenario.config().side().opening());
        BigDecimal equity = before.portfolio().equity();
        BigDecimal notional = Money.normalize(fill.quantity().multiply(fill.price()));
        assertThat(notional).as("entry notional vs leverage x fraction x equity %s", equity)
            .isLessThanOrEqualTo(plan.leverage().multiply(plan.fraction()).multiply(equity));
        if (plan.maxNotional() != null) {
          assertThat(notional).as("entry notional vs budget").isLessThanOrEqualTo(plan.maxNotional());
        }
        entryEquity = equity;
        feesBeforeEntry = before.portfolio().feesPaid();
        Statistics.label("leverage used").collect(
            notional.divide(equity, 0, RoundingMode.CEILING).min(BigDecimal.valueOf(6)).intValue());
        return;
      }
      // An exit: only ever reduces the one position, never adds to it or flips it.
      assertThat(fill.action()).as("no adding to a position").isEqualTo(held.side().closing());
      assertThat(fill.quantity()).as("no flip").isLessThanOrEqualTo(held.quantity().abs());
      PositionGuard guard = before.guard();
      assertThat(guard).as("an open position is always protected").isNotNull();
      BigDecimal share = Money.normalize(guard.margin().multiply(fill.quantity())
          .divide(held.quantity().abs(), Money.SCALE + 8, RoundingMode.HALF_EVEN));
      Position.Slice slice = held.slice(fill.quantity());
      BigDecimal gross = Money.normalize(slice.quantity().multiply(fill.price()))
          .multiply(BigDecimal.valueOf(held.quantity().signum())).subtract(slice.costBasis());
      BigDecimal slippage = Money.bps(fill.quantity().multiply(fill.price()), scenario.slippageBps())
          .multiply(new BigDecimal("1.01"));
      BigDecimal rounding = fill.quantity().multiply(TICK).add(TICK.multiply(BigDecimal.valueOf(4)));
      assertThat(gross.negate()).as("isolated margin: the loss of closing %s at %s (share of margin %s)",
              fill.quantity(), fill.price(), share)
          .isLessThanOrEqualTo(share.add(slippage).add(rounding));

      if (trigger != null) {
        onTriggeredFill(fill, held);
        trigger = null;
      }
    }

    private void onTriggeredFill(Fill fill, Position held) {
      Bar bar = barAt.get(trigger.timeMs());
      Side side = held.side();
      String kind = trigger.kind();
      Statistics.label("exits by protection").collect(kind);
      if (kind.equals("stop-loss") || kind.equals("trailing-stop")) {
        BigDecimal atLevel = slipped(fill.action(), trigger.level());
        boolean worse = side == Side.LONG ? fill.price().compareTo(atLevel) < 0 : fill.price().compareTo(atLevel) > 0;
        boolean gapped = side == Side.LONG ? bar.open().compareTo(trigger.level()) < 0
            : bar.open().compareTo(trigger.level()) > 0;
        Statistics.label("stop fills").collect(gapped ? "gapped: at the open" : "at the level");
        if (worse) {
          assertThat(gapped).as("%s filled at %s, worse than %s: only through a gap (bar %s)", kind, fill.price(),
              atLevel, bar).isTrue();
          assertThat(fill.price()).as("a gapped stop fills at the open").isEqualTo(slipped(fill.action(), bar.open()));
        }
      } else if (kind.equals("liquidation")) {
        assertThat(fill.quantity()).isEqualTo(positionAtTrigger.quantity().abs());
        assertThat(fill.fee()).isEqualTo(Money.ZERO);
      }
    }

    private void onLedgerLine(ClosedTrade trade) {
      ledger = ledger.add(trade.pnl());
      Statistics.label("ledger lines").collect(trade.exitReason());
      if (trade.exitReason().equals("liquidation")) {
        // The position's margin, and the entry fees it still carried (charged to this ledger line).
        BigDecimal expected = guardAtTrigger.margin().add(positionAtTrigger.entryFees()).negate();
        BigDecimal tolerance = trade.quantity().multiply(TICK).add(TICK.multiply(BigDecimal.valueOf(3)));
        assertThat(trade.pnl().subtract(expected).abs()).as("liquidation pnl %s vs -(margin + entry fees) %s",
            trade.pnl(), expected).isLessThanOrEqualTo(tolerance);
      }
    }

    private void afterBar() {
      if (!state.openOrders().isEmpty()) {
        assertThat(scenario.config().fillTiming()).as("only an order for the next open waits")
            .isEqualTo(FillTiming.NEXT_OPEN);
      }
      Position open = state.position();
      BigDecimal carried = open == null ? Money.ZERO : open.entryFees();
      assertThat(ledger).as("ledger == realized + entry fees carried by the open position")
          .isEqualTo(state.portfolio().realizedPnl().add(carried));
      BigDecimal equity = state.portfolio().equity();
      if (open != null && entryMargin != null) {
        BigDecimal fees = state.portfolio().feesPaid().subtract(feesBeforeEntry);
        assertThat(equity).as("equity with a position open vs entry equity %s - margin %s - fees %s", entryEquity,
            entryMargin, fees).isGreaterThanOrEqualTo(entryEquity.subtract(entryMargin).subtract(fees));
      }
      if (scenario.costsLeaveRoom()) {
        assertThat(equity.signum()).as("equity %s", equity).isPositive();
      } else if (equity.signum() < 0) {
        Statistics.label("negative equity").collect("fraction leaves no room for levered costs");
      }
    }

    private void onePositionOneOrder() {
      assertThat(state.portfolio().positions().size()).as("positions").isLessThanOrEqualTo(1);
      assertThat(state.openOrders().size()).as("waiting orders").isLessThanOrEqualTo(1);
      Position open = state.position();
      if (open != null) assertThat(open.side()).isEqualTo(scenario.config().side());
    }

    private BigDecimal slipped(OrderAction action, BigDecimal reference) {
      BigDecimal slip = Money.bps(reference, scenario.slippageBps());
      return Money.normalize(reference.add(slip.multiply(BigDecimal.valueOf(action.sign()))));
    }
  }

  // ============================================================================================================
  // A run
  // ============================================================================================================

  enum Signal { NONE, ENTER, EXIT }

  enum Control { NONE, PAUSE, RESUME }

  /** One bar of the path, relative to the previous close, and what the strategy, swarm and operator do on it. */
  record Move(int gapBps, int bodyBps, int upBps, int downBps, Signal signal, TradingState swarm, Control control) {}

  record Run(BotState start, List<Bar> bars, BatchRecorder recorder, List<BotState> stateAfter) {}

  /**
   * {@code tickDecimals}: the decimals prices are quoted in — cents like most pairs, or six like a cheap coin, whose
   * prices times a fee or slippage rate no longer fit in eight decimals and must be rounded.
   */
  record Scenario(BotConfig config, boolean scripted, int tickDecimals, List<Move> moves) {
    BigDecimal slippageBps() {
      return config.slippageBps();
    }

    /** Whether margin plus the worst levered costs stays below the equity: fraction × (1 + 3 × lev × costs) < 1. */
    boolean costsLeaveRoom() {
      BigDecimal costs = config.feeBps().add(config.slippageBps()).movePointLeft(4);
      BigDecimal worst = config.plan().fraction().multiply(BigDecimal.ONE.add(
          BigDecimal.valueOf(3).multiply(config.plan().leverage()).multiply(costs)));
      return worst.compareTo(BigDecimal.ONE) < 0;
    }

    Run run() {
      Strategy strategy;
      if (scripted) {
        ScriptedStrategy script = new ScriptedStrategy(config.side());
        for (int i = 0; i < moves.size(); i++) {
          if (moves.get(i).signal() == Signal.ENTER) script.enterAt(i);
          if (moves.get(i).signal() == Signal.EXIT) script.exitAt(i);
        }
        strategy = script;
      } else {
        strategy = config.validate();
      }
      StrategyRuntime runtime = new StrategyRuntime(strategy);
      BotState start = BotState.empty(BOT).apply(new BotConfigured(config))
          .apply(new CapitalAllocated(1, Money.of(10_000)));
      BatchRecorder recorder = new BatchRecorder(start);
      List<Bar> bars = new ArrayList<>();
      List<BotState> after = new ArrayList<>();
      BigDecimal close = new BigDecimal("100.00");
      long time = T0;
      for (Move move : moves) {
        // The operator acts between bars, as the entity persists a pause between steps.
        BotState s = recorder.state();
        if (move.control() == Control.PAUSE && s.status() == BotStatus.ACTIVE) {
          recorder.trade(new BotEntity.BotPaused());
        } else if (move.control() == Control.RESUME && s.status() == BotStatus.PAUSED) {
          recorder.trade(new BotEntity.BotResumed());
        }
        time += MINUTE;
        Bar bar = bar(close, move, time, tickDecimals);
        bars.add(bar);
        BotTrader.onBar(recorder, bar, runtime, move.swarm());
        after.add(recorder.state());
        close = bar.close();
      }
      return new Run(start, bars, recorder, after);
    }

    /** The next bar: a gap from the previous close, a body, wicks; closes drift back towards 20 .. 500. */
    private static Bar bar(BigDecimal previous, Move move, long time, int decimals) {
      int gap = move.gapBps();
      if (previous.compareTo(BigDecimal.valueOf(20)) < 0) gap = Math.abs(gap);
      if (previous.compareTo(BigDecimal.valueOf(500)) > 0) gap = -Math.abs(gap);
      BigDecimal open = tick(previous.multiply(factor(gap)), decimals, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
      BigDecimal close = tick(open.multiply(factor(move.bodyBps())), decimals, RoundingMode.HALF_EVEN)
          .max(BigDecimal.ONE);
      BigDecimal high = tick(open.max(close).multiply(factor(move.upBps())), decimals, RoundingMode.CEILING);
      BigDecimal low = tick(open.min(close).multiply(factor(-move.downBps())), decimals, RoundingMode.FLOOR).max(CENT);
      return new Bar(BTC, time, open, high, low, close, BigDecimal.TEN);
    }

    private static BigDecimal factor(int bps) {
      return BigDecimal.ONE.add(BigDecimal.valueOf(bps, 4));
    }

    private static BigDecimal tick(BigDecimal value, int decimals, RoundingMode mode) {
      return value.setScale(decimals, mode);
    }
  }

  // ============================================================================================================
  // Generators
  // ============================================================================================================

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> costBps = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0)), Tuple.of(3, Arbitraries.integers().between(1, 20)));
    Arbitrary<BotConfig> configs = Combinators.combine(plans(), Arbitraries.of(Side.class),
            Arbitraries.of(FillTiming.class), costBps, costBps)
        .as((plan, side, timing, fee, slip) -> new BotConfig("sma-cross", Map.of("short", "2", "long", "3"), BTC,
            "paper", side, BigDecimal.valueOf(fee), BigDecimal.valueOf(slip), timing, plan));
    return Combinators.combine(configs, Arbitraries.of(true, false), Arbitraries.of(2, 6), moves().list().ofSize(BARS))
        .as(Scenario::new);
  }

  private static Arbitrary<Move> moves() {
    Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
        Tuple.of(80, Arbitraries.just(0)),
        Tuple.of(15, Arbitraries.integers().between(-800, 800)),
        Tuple.of(5, Arbitraries.integers().between(-3000, 3000)));
    Arbitrary<Integer> bodies = Arbitraries.integers().between(-300, 300);
    Arbitrary<Integer> upWicks = Arbitraries.frequencyOf(
        Tuple.of(95, Arbitraries.integers().between(0, 150)), Tuple.of(5, Arbitraries.integers().between(150, 4000)));
    Arbitrary<Integer> downWicks = Arbitraries.frequencyOf(
        Tuple.of(95, Arbitraries.integers().between(0, 150)), Tuple.of(5, Arbitraries.integers().between(150, 6000)));
    Arbitrary<Signal> signals = Arbitraries.frequency(
        Tuple.of(60, Signal.NONE), Tuple.of(30, Signal.ENTER), Tuple.of(10, Signal.EXIT));
    Arbitrary<TradingState> swarm = Arbitraries.frequency(
        Tuple.of(92, TradingState.ACTIVE), Tuple.of(6, TradingState.REDUCING), Tuple.of(2, TradingState.HALTED));
    Arbitrary<Control> controls = Arbitraries.frequency(
        Tuple.of(94, Control.NONE), Tuple.of(2, Control.PAUSE), Tuple.of(4, Control.RESUME));
    return Combinators.combine(gaps, bodies, upWicks, downWicks, signals, swarm, controls).as(Move::new);
  }

  private static Arbitrary<TradePlan> plans() {
    Arbitrary<TradePlan.Sizing> sizing = Arbitraries.frequency(Tuple.of(2, TradePlan.Sizing.FRACTION),
        Tuple.of(1, TradePlan.Sizing.RISK), Tuple.of(1, TradePlan.Sizing.VOLATILITY));
    Arbitrary<BigDecimal> fraction = Arbitraries.frequencyOf(Tuple.of(1, fractions(500, 10_000)),
        Tuple.of(1, fractions(8_000, 10_000)));
    Arbitrary<BigDecimal> risk = fractions(50, 500);
    Arbitrary<BigDecimal> atrMultiple = Arbitraries.integers().between(5, 40).map(i -> BigDecimal.valueOf(i, 1));
    Arbitrary<BigDecimal> leverage = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(1, 5).map(BigDecimal::valueOf)),
        Tuple.of(2, Arbitraries.just(BigDecimal.valueOf(5))),
        Tuple.of(1, Arbitraries.integers().between(10, 50).map(i -> BigDecimal.valueOf(i, 1))));
    Arbitrary<BigDecimal> maintenance = fractions(0, 200);
    Arbitrary<Levels> levels = Combinators.combine(
            fractions(50, 2000).injectNull(0.5), fractions(100, 3000).injectNull(0.4),
            fractions(50, 1500).injectNull(0.5), fractions(1000, 9000), fractions(50, 2000).injectNull(0.5))
        .as(Levels::new);
    Arbitrary<Limits> limits = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 30))),
            Arbitraries.integers().between(100, 50_000).map(BigDecimal::valueOf).injectNull(0.7),
            fractions(200, 3000).injectNull(0.6))
        .as(Limits::new);
    return Combinators.combine(sizing, fraction, risk, atrMultiple, leverage, maintenance, levels, limits)
        .as(RiskInvariantsTest::plan);
  }

  record Levels(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal partial, BigDecimal partialFraction,
      BigDecimal trailing) {}

  record Limits(int maxBarsHeld, BigDecimal maxNotional, BigDecimal priceBand) {}

  /** A valid plan from the drawn values: risk sizing gets a stop, a partial target stays below the full one. */
  private static TradePlan plan(TradePlan.Sizing sizing, BigDecimal fraction, BigDecimal risk, BigDecimal atrMultiple,
      BigDecimal leverage, BigDecimal maintenance, Levels levels, Limits limits) {
    BigDecimal stop = levels.stopLoss();
    if (sizing == TradePlan.Sizing.RISK && stop == null) stop = new BigDecimal("0.02");
    BigDecimal partial = levels.partial();
    if (partial != null && levels.takeProfit() != null && partial.compareTo(levels.takeProfit()) >= 0) {
      partial = levels.takeProfit().divide(BigDecimal.valueOf(2), 6, RoundingMode.DOWN);
    }
    return new TradePlan(sizing, fraction, risk, atrMultiple, leverage, maintenance, stop, levels.takeProfit(),
        partial, partial == null ? null : levels.partialFraction(), levels.trailing(), limits.maxBarsHeld(),
        limits.maxNotional(), limits.priceBand()).validate();
  }

  /** Fractions from {@code minBps} to {@code maxBps} basis points. */
  private static Arbitrary<BigDecimal> fractions(int minBps, int maxBps) {
    return Arbitraries.integers().between(minBps, maxBps).map(bps -> BigDecimal.valueOf(bps, 4));
  }
}
