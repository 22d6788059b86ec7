package io.strikeswarm.bots.amm;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One AMM arbitrage bot: an event-sourced, sharded entity (type key {@code "amm-bot"}, ids like {@code amm-07}) with
 * its own chain account. At every block it is shown ({@link Observe}) it decides with the pure
 * {@link ArbitragePlanner}; a round trip is two router swaps, each signed with the account's next nonce and
 * persisted ({@link SwapSigned}) before it is broadcast, so a crash at any point is finished on restart by sending
 * the very same bytes again — never a second transaction. Receipts become {@link SwapMined} (exact amounts from the
 * logs, gas in the native coin) or {@link SwapReverted}; a node's refusal becomes {@link SwapRefused} once the
 * nonce is seen unused. The book is kept in token units beside the baseline read from the chain at start, so the
 * bot's P&amp;L equals its account's balance change to the wei. An unreachable node is retried with growing
 * backoff, never a crash.
 */
public final class AmmBotEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AmmBotEntity.Command, AmmBotEntity.Event, AmmBotState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "amm-bot");

  /** The tag of every AMM bot event (read across bots by the ledger and the dashboard). */
  public static final String TAG = "amm";

  // ---- commands ----------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  public record Configure(AmmBotConfig config, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record ChangeRules(ArbRules rules, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** USD the bot may put into one round trip; {@code transferSeq} must grow with every transfer to this bot. */
  public record AllocateBudget(long transferSeq, BigDecimal usd, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  public record ReleaseBudget(long transferSeq, BigDecimal usd, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** The watched pools at a new block. Fire-and-forget: a bot that is busy with a swap lets it pass. */
  public record Observe(ChainSnapshot snapshot) implements Command {}

  public record Pause(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Resume(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** No new round trips until resumed; a swap in flight is finished and a stranded leg is still sold back. */
  public record Halt(String reason, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Final; refused while a swap is in flight or a leg is stranded. Replies with the budget handed back. */
  public record Retire(long transferSeq, ActorRef<StatusReply<BigDecimal>> replyTo) implements Command {}

  public record GetState(ActorRef<AmmBotView> replyTo) implements Command {}

  // internal: results of chain calls, piped back to the entity
  private record Synced(long block, long nonce, Map<String, BigInteger> balances) implements Command {}

  private record Broadcasted(long nonce) implements Command {}

  private record OutcomeRead(long nonce, Optional<TxOutcome> outcome) implements Command {}

  private record NonceChecked(long nonce, long transactionCount, String refusal) implements Command {}

  private record ChainFailed(String call, String error) implements Command {}

  private record Retry() implements Command {}

  // ---- events ------------------------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable {}

  public record AmmBotConfigured(AmmBotConfig config) implements Event {}

  public record RulesChanged(ArbRules rules) implements Event {}

  /** The account as the chain showed it when the bot first looked: the baseline of its P&amp;L and its next nonce. */
  public record AccountSynced(long block, long nonce, Map<String, BigInteger> balances) implements Event {}

  public record BudgetAllocated(long transferSeq, BigDecimal usd) implements Event {}

  public record BudgetReleased(long transferSeq, BigDecimal usd) implements Event {}

  public record SwapSigned(InFlightSwap swap) implements Event {}

  public record SwapMined(long arbId, InFlightSwap.Leg leg, TxOutcome.Swapped outcome) implements Event {}

  public record SwapReverted(long arbId, InFlightSwap.Leg leg, TxOutcome.Reverted outcome) implements Event {}

  /** The node refused the transaction and its nonce is still unused: nothing happened on chain, the nonce is free. */
  public record SwapRefused(long arbId, InFlightSwap.Leg leg, long nonce, long block, String reason)
      implements Event {}

  /** A reason the bot could not act that an operator should see (written when the reason changes). */
  public record ArbitrageSkipped(long block, String reason) implements Event {}

  public record BotPaused() implements Event {}

  public record BotResumed() implements Event {}

  public record BotHalted(String reason) implements Event {}

  public record BotRetired(long transferSeq, BigDecimal released) implements Event {}

  // ---- wiring ------------------------------------------------------------------------------------------------

  /** Registers the sharded entity; {@code chains} gives the port of a configured chain name, or null. */
  public static void init(ActorSystem<?> system, AmmBotSettings settings, Function<String, ChainPort> chains) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, chains)));
  }

  public static Behavior<Command> create(String botId, AmmBotSettings settings, Function<String, ChainPort> chains) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AmmBotEntity(ctx, timers, botId, settings,
        chains)));
  }

  public static PersistenceId persistenceId(String botId) {
    return PersistenceId.of(TYPE_KEY.name(), botId);
  }

  private static final Set<String> TAGS = Set.of(TAG);

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String botId;
  private final AmmBotSettings settings;
  private final Function<String, ChainPort> chains;
  /** Not persisted: market data, and the state of the chain call under way. */
  private ChainSnapshot lastSeen;
  private boolean calling;
  private Duration wait;
  private String chainError;
  /** When the block that led to the swap being signed now was taken, and how long planning and signing took. */
  private long observedAtNanos;
  private long planNanos;
  private long signNanos;

  private AmmBotEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String botId,
      AmmBotSettings settings, Function<String, ChainPort> chains) {
    super(persistenceId(botId), SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(),
        0.2));
    this.context = context;
    this.timers = timers;
    this.botId = botId;
    this.settings = settings;
    this.chains = chains;
    this.wait = settings.firstPoll();
  }

  @Override
  public AmmBotState emptyState() {
    return AmmBotState.empty(botId);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return settings.snapshotEvery() > 0 ? RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2)
        : RetentionCriteria.disabled();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return TAGS;
  }

  @Override
  public EventHandler<AmmBotState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AmmBotState::apply);
  }

  @Override
  public SignalHandler<AmmBotState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      // a swap signed before the stop may or may not have reached the chain: send the same bytes and look again
      if (state.inFlight() != null) send(state);
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, AmmBotState> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, AmmBotState> b = newCommandHandlerWithReplyBuilder();
    b.forState(s -> s.status() == BotStatus.NEW)
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Observe.class, (s, c) -> Effect().noReply())
        .onAnyCommand(this::rejectUnknown);
    b.forAnyState()
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(ChangeRules.class, this::onChangeRules)
        .onCommand(AllocateBudget.class, this::onAllocate)
        .onCommand(ReleaseBudget.class, this::onRelease)
        .onCommand(Observe.class, this::onObserve)
        .onCommand(Pause.class, this::onPause)
        .onCommand(Resume.class, this::onResume)
        .onCommand(Halt.class, this::onHalt)
        .onCommand(Retire.class, this::onRetire)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Synced.class, this::onSynced)
        .onCommand(Broadcasted.class, this::onBroadcasted)
        .onCommand(OutcomeRead.class, this::onOutcome)
        .onCommand(NonceChecked.class, this::onNonceChecked)
        .onCommand(ChainFailed.class, this::onChainFailed)
        .onCommand(Retry.class, this::onRetry);
    return b.build();
  }

  // ---- operator and supervisor commands ----------------------------------------------------------------------

  private ReplyEffect<Event, AmmBotState> onConfigure(AmmBotState state, Configure cmd) {
    if (state.isConfigured()) {
      return Effect().reply(cmd.replyTo(), cmd.config().equals(state.config()) ? StatusReply.ack()
          : StatusReply.error("bot " + botId + " is already configured; change its rules instead"));
    }
    Optional<String> invalid = check(() -> {
      cmd.config().validate();
      if (chains.apply(cmd.config().chain()) == null) {
        throw new IllegalArgumentException("unknown chain " + cmd.config().chain());
      }
    });
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    return Effect().persist(new AmmBotConfigured(cmd.config())).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onChangeRules(AmmBotState state, ChangeRules cmd) {
    Optional<String> invalid = check(cmd.rules()::validate);
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    if (cmd.rules().equals(state.config().rules())) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new RulesChanged(cmd.rules())).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onAllocate(AmmBotState state, AllocateBudget cmd) {
    if (cmd.transferSeq() <= state.lastTransferSeq()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (cmd.usd() == null || cmd.usd().signum() <= 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount must be > 0, got " + cmd.usd()));
    }
    if (state.status() == BotStatus.RETIRED) return Effect().reply(cmd.replyTo(), retired());
    return Effect().persist(new BudgetAllocated(cmd.transferSeq(), cmd.usd()))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onRelease(AmmBotState state, ReleaseBudget cmd) {
    if (cmd.transferSeq() <= state.lastTransferSeq()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (cmd.usd() == null || cmd.usd().signum() <= 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount must be > 0, got " + cmd.usd()));
    }
    if (cmd.usd().compareTo(state.budgetUsd()) > 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId + " can release at most "
          + state.budgetUsd().toPlainString() + ", asked " + cmd.usd().toPlainString()));
    }
    return Effect().persist(new BudgetReleased(cmd.transferSeq(), cmd.usd()))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onPause(AmmBotState state, Pause cmd) {
    if (state.status() == BotStatus.RETIRED) return Effect().reply(cmd.replyTo(), retired());
    if (state.status() == BotStatus.HALTED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId + " is halted; resume it first"));
    }
    if (state.status() == BotStatus.PAUSED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new BotPaused()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onResume(AmmBotState state, Resume cmd) {
    if (state.status() == BotStatus.RETIRED) return Effect().reply(cmd.replyTo(), retired());
    if (state.status() == BotStatus.ACTIVE) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new BotResumed()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onHalt(AmmBotState state, Halt cmd) {
    if (state.status() == BotStatus.RETIRED) return Effect().reply(cmd.replyTo(), retired());
    if (state.status() == BotStatus.HALTED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new BotHalted(cmd.reason() == null ? "halted" : cmd.reason()))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, AmmBotState> onRetire(AmmBotState state, Retire cmd) {
    if (state.status() == BotStatus.RETIRED) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(BigDecimal.ZERO));
    }
    if (state.inFlight() != null || state.stranded() != null) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId
          + " has a swap in flight or a leg to sell back; retire it again when it has settled"));
    }
    BigDecimal released = state.budgetUsd();
    return Effect().persist(new BotRetired(cmd.transferSeq(), released))
        .thenReply(cmd.replyTo(), s -> StatusReply.success(released));
  }

  private ReplyEffect<Event, AmmBotState> onGetState(AmmBotState state, GetState cmd) {
    return Effect().reply(cmd.replyTo(), AmmBotView.of(state, lastSeen, chainError, lastSequenceNumber(context)));
  }

  // ---- the trading loop ----------------------------------------------------------------------------------------

  private ReplyEffect<Event, AmmBotState> onObserve(AmmBotState state, Observe cmd) {
    ChainSnapshot snapshot = cmd.snapshot();
    if (snapshot == null) return Effect().noReply();
    observedAtNanos = System.nanoTime();
    lastSeen = snapshot;
    if (calling || state.inFlight() != null || state.status() == BotStatus.RETIRED) return Effect().noReply();
    if (!state.isSynced()) {
      if (state.status() == BotStatus.ACTIVE) sync(state);
      return Effect().noReply();
    }
    if (state.stranded() != null) return unwind(state, snapshot);
    if (state.status() != BotStatus.ACTIVE || snapshot.blockNumber() < state.cooldownUntilBlock()) {
      return Effect().noReply();
    }
    ArbitragePlanner.Decision decision = ArbitragePlanner.decide(state.config(), snapshot, state.book(),
        state.budgetUsd(), state.gasEstimate());
    if (decision instanceof ArbitragePlanner.Skip skip) {
      if (skip.notable() && !skip.reason().equals(state.lastSkip())) {
        return Effect().persist(new ArbitrageSkipped(snapshot.blockNumber(), skip.reason())).thenNoReply();
      }
      return Effect().noReply();
    }
    ArbPlan plan = ((ArbitragePlanner.Trade) decision).plan();
    planNanos = System.nanoTime() - observedAtNanos;
    return sign(state, state.arbSeq() + 1, InFlightSwap.Leg.BUY, plan, plan.buyLeg(), List.of());
  }

  /** Sells back what a failed sell leg left, at the best quote of the route's DEXes, guarded to that quote. */
  private ReplyEffect<Event, AmmBotState> unwind(AmmBotState state, ChainSnapshot snapshot) {
    Stranded left = state.stranded();
    ArbRoute route = left.route();
    Map<PoolKey, PoolState> pools = snapshot.byKey();
    String bestDex = null;
    BigInteger bestOut = BigInteger.ZERO;
    for (String dex : route.dexes()) {
      PoolState pool = pools.get(new PoolKey(dex, route.home(), route.other()));
      if (pool == null || pool.reserveA().signum() == 0 || pool.reserveB().signum() == 0) continue;
      BigInteger out = pool.quote(route.other(), left.amount());
      if (out.compareTo(bestOut) > 0) {
        bestOut = out;
        bestDex = dex;
      }
    }
    if (bestDex == null || snapshot.blockNumber() < state.cooldownUntilBlock()) return Effect().noReply();
    BigInteger gasPrice = snapshot.gasPriceWei();
    ArbPlan plan = new ArbPlan(snapshot.blockNumber(), route, bestDex, bestDex, left.amount(), left.amount(), bestOut,
        BigDecimal.ZERO, gasPrice.multiply(BigInteger.valueOf(state.gasEstimate())), BigDecimal.ZERO, gasPrice,
        gasPrice.shiftLeft(1), snapshot.blockTimestampSec() + state.config().rules().deadlineSec());
    SwapLeg leg = new SwapLeg(bestDex, route.other(), route.home(), left.amount(), bestOut, plan.deadlineSec());
    return sign(state, left.arbId(), InFlightSwap.Leg.UNWIND, plan, leg, List.of());
  }

  /**
   * Signs a swap with the account's next nonce and persists it (after {@code before}, in the same write) before a
   * byte reaches the chain.
   */
  private ReplyEffect<Event, AmmBotState> sign(AmmBotState state, long arbId, InFlightSwap.Leg legKind, ArbPlan plan,
      SwapLeg leg, List<Event> before) {
    ChainPort port = chains.apply(state.config().chain());
    List<Event> events = new java.util.ArrayList<>(before);
    try {
      long signStart = System.nanoTime();
      SignedTx tx = port.signSwap(state.config().account(), leg, state.nextNonce(),
          BigInteger.valueOf(state.config().rules().gasLimitPerSwap()), plan.maxFeePerGasWei());
      signNanos = System.nanoTime() - signStart;
      events.add(new SwapSigned(new InFlightSwap(arbId, legKind, plan, leg, tx)));
      return Effect().persist(events).thenRun(this::send).thenNoReply();
    } catch (RuntimeException e) {
      String reason = "cannot sign " + legKind.name().toLowerCase() + " swap: " + e.getMessage();
      if (!reason.equals(state.lastSkip())) events.add(new ArbitrageSkipped(plan.block(), reason));
      return Effect().persist(events).thenNoReply();
    }
  }

  private void sync(AmmBotState state) {
    ChainPort port = chains.apply(state.config().chain());
    String account = state.config().account();
    calling = true;
    CompletionStage<Synced> synced = guard(port.transactionCount(account)).thenCompose(nonce ->
        guard(port.balances(account, state.config().tokens())).thenApply(balances ->
            new Synced(lastSeen == null ? -1 : lastSeen.blockNumber(), nonce, balances)));
    context.pipeToSelf(synced, (ok, err) -> ok != null ? ok : failed("sync account", err));
  }

  private ReplyEffect<Event, AmmBotState> onSynced(AmmBotState state, Synced cmd) {
    calling = false;
    recovered();
    if (state.isSynced()) return Effect().noReply();
    return Effect().persist(new AccountSynced(cmd.block(), cmd.nonce(), cmd.balances())).thenNoReply();
  }

  /** Broadcasts the swap in flight (idempotent: the same bytes every time), then looks for its receipt. */
  private void send(AmmBotState state) {
    InFlightSwap swap = state.inFlight();
    if (swap == null) return;
    ChainPort port = chains.apply(state.config().chain());
    calling = true;
    long nonce = swap.tx().nonce();
    if (swap.leg() == InFlightSwap.Leg.BUY && observedAtNanos != 0) {
      settings.decisions().accept(new AmmBotSettings.DecisionTiming(planNanos, signNanos,
          System.nanoTime() - observedAtNanos));
      observedAtNanos = 0; // once per round trip; a re-send after a restart is not a decision
    }
    context.pipeToSelf(guard(port.broadcast(swap.tx())), (ok, err) -> {
      if (err == null) return new Broadcasted(nonce);
      Throwable cause = unwrap(err);
      if (cause instanceof TransactionRejected) return new NonceChecked(nonce, -1, cause.getMessage());
      return failed("broadcast " + swap.tx().hash(), cause);
    });
  }

  private ReplyEffect<Event, AmmBotState> onBroadcasted(AmmBotState state, Broadcasted cmd) {
    if (!current(state, cmd.nonce())) return Effect().noReply();
    lookForOutcome(state);
    return Effect().noReply();
  }

  private void lookForOutcome(AmmBotState state) {
    InFlightSwap swap = state.inFlight();
    ChainPort port = chains.apply(state.config().chain());
    calling = true;
    long nonce = swap.tx().nonce();
    context.pipeToSelf(guard(port.outcome(swap.tx(), swap.swap())),
        (ok, err) -> err == null ? new OutcomeRead(nonce, ok) : failed("receipt of " + swap.tx().hash(), err));
  }

  private ReplyEffect<Event, AmmBotState> onOutcome(AmmBotState state, OutcomeRead cmd) {
    if (!current(state, cmd.nonce())) return Effect().noReply();
    calling = false;
    recovered();
    InFlightSwap swap = state.inFlight();
    if (cmd.outcome().isEmpty()) {
      retryLater(); // not mined yet: look again (and re-send, in case the node dropped it)
      return Effect().noReply();
    }
    wait = settings.firstPoll();
    TxOutcome outcome = cmd.outcome().get();
    if (outcome instanceof TxOutcome.Reverted reverted) {
      return Effect().persist(new SwapReverted(swap.arbId(), swap.leg(), reverted)).thenNoReply();
    }
    TxOutcome.Swapped swapped = (TxOutcome.Swapped) outcome;
    SwapMined mined = new SwapMined(swap.arbId(), swap.leg(), swapped);
    if (swap.leg() != InFlightSwap.Leg.BUY) return Effect().persist(mined).thenNoReply();
    // leg two at once, for all that leg one bought, guarded to get back at least the home tokens leg one spent: other
    // bots trade the same pools between our legs, and a round trip that still breaks even beats a stranded leg
    ArbPlan plan = swap.plan();
    AmmBotState afterBuy = state.apply(mined);
    return sign(afterBuy, swap.arbId(), InFlightSwap.Leg.SELL, plan, plan.sellLeg(swapped.amountOut(),
        plan.amountIn()), List.of(mined));
  }

  private ReplyEffect<Event, AmmBotState> onNonceChecked(AmmBotState state, NonceChecked cmd) {
    if (!current(state, cmd.nonce())) return Effect().noReply();
    InFlightSwap swap = state.inFlight();
    if (cmd.transactionCount() < 0) {
      // the node refused it; before freeing the nonce, make sure no transaction of ours took it
      ChainPort port = chains.apply(state.config().chain());
      context.pipeToSelf(guard(port.transactionCount(state.config().account())), (count, err) -> err == null
          ? new NonceChecked(cmd.nonce(), count, cmd.refusal()) : failed("nonce check", err));
      return Effect().noReply();
    }
    calling = false;
    if (cmd.transactionCount() > swap.tx().nonce()) {
      lookForOutcome(state); // the nonce was used: it can only have been this transaction
      return Effect().noReply();
    }
    context.getLog().warn("{}: node refused {} swap {}: {}", botId, swap.leg(), swap.tx().hash(), cmd.refusal());
    long block = lastSeen == null ? swap.plan().block() : lastSeen.blockNumber();
    return Effect().persist(new SwapRefused(swap.arbId(), swap.leg(), swap.tx().nonce(), block, cmd.refusal()))
        .thenNoReply();
  }

  private ReplyEffect<Event, AmmBotState> onChainFailed(AmmBotState state, ChainFailed cmd) {
    calling = false;
    String error = cmd.call() + ": " + cmd.error();
    if (!error.equals(chainError)) context.getLog().warn("{}: chain call failed, backing off: {}", botId, error);
    chainError = error;
    if (state.inFlight() != null) retryLater();
    return Effect().noReply();
  }

  private ReplyEffect<Event, AmmBotState> onRetry(AmmBotState state, Retry cmd) {
    if (state.inFlight() != null && !calling) send(state);
    return Effect().noReply();
  }

  private void retryLater() {
    timers.startSingleTimer(Retry.class, new Retry(), wait);
    wait = wait.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : wait.multipliedBy(2);
  }

  private void recovered() {
    if (chainError != null) context.getLog().info("{}: chain reachable again", botId);
    chainError = null;
  }

  private boolean current(AmmBotState state, long nonce) {
    return state.inFlight() != null && state.inFlight().tx().nonce() == nonce;
  }

  private <T> CompletionStage<T> guard(CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private ChainFailed failed(String call, Throwable err) {
    Throwable cause = unwrap(err);
    String message = cause instanceof java.util.concurrent.TimeoutException
        ? "no answer within " + settings.callTimeout().toMillis() + " ms" : String.valueOf(cause.getMessage());
    return new ChainFailed(call, message);
  }

  private static Throwable unwrap(Throwable err) {
    Throwable t = err;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    return t;
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private static Optional<String> check(Runnable validation) {
    try {
      validation.run();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(e.getMessage());
    }
  }

  private <T> StatusReply<T> retired() {
    return StatusReply.error("bot " + botId + " is retired");
  }

  private ReplyEffect<Event, AmmBotState> rejectUnknown(AmmBotState state, Command cmd) {
    String reason = "unknown bot " + botId + " (never configured)";
    if (cmd instanceof Pause c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof Resume c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof Halt c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof Retire c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof AllocateBudget c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof ReleaseBudget c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    if (cmd instanceof ChangeRules c) return Effect().reply(c.replyTo(), StatusReply.error(reason));
    return Effect().noReply();
  }
}
