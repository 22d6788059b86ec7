package io.strikeswarm.bots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity.AllocateCapital;
import io.strikeswarm.bots.entity.BotEntity.BotConfigured;
import io.strikeswarm.bots.entity.BotEntity.BotHalted;
import io.strikeswarm.bots.entity.BotEntity.BotPaused;
import io.strikeswarm.bots.entity.BotEntity.BotResumed;
import io.strikeswarm.bots.entity.BotEntity.BotRetired;
import io.strikeswarm.bots.entity.BotEntity.CapitalAllocated;
import io.strikeswarm.bots.entity.BotEntity.CapitalReleased;
import io.strikeswarm.bots.entity.BotEntity.ChangeParameters;
import io.strikeswarm.bots.entity.BotEntity.Command;
import io.strikeswarm.bots.entity.BotEntity.CommitBars;
import io.strikeswarm.bots.entity.BotEntity.Committed;
import io.strikeswarm.bots.entity.BotEntity.Configure;
import io.strikeswarm.bots.entity.BotEntity.EntryRefused;
import io.strikeswarm.bots.entity.BotEntity.EvaluateBars;
import io.strikeswarm.bots.entity.BotEntity.Evaluation;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.entity.BotEntity.GetState;
import io.strikeswarm.bots.entity.BotEntity.Halt;
import io.strikeswarm.bots.entity.BotEntity.MarketObserved;
import io.strikeswarm.bots.entity.BotEntity.OrderCancelled;
import io.strikeswarm.bots.entity.BotEntity.OrderFilled;
import io.strikeswarm.bots.entity.BotEntity.OrderPlaced;
import io.strikeswarm.bots.entity.BotEntity.ParametersChanged;
import io.strikeswarm.bots.entity.BotEntity.Pause;
import io.strikeswarm.bots.entity.BotEntity.PositionProtected;
import io.strikeswarm.bots.entity.BotEntity.ReleaseCapital;
import io.strikeswarm.bots.entity.BotEntity.Resume;
import io.strikeswarm.bots.entity.BotEntity.Retire;
import io.strikeswarm.bots.entity.BotEntity.TradeClosed;
import io.strikeswarm.bots.entity.BotEntity.WarmUp;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.scaladsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot entity, command by command: what it replies, what it persists and the state that leaves it in. Bars come in
 * lockstep steps — {@link EvaluateBars} trades them tentatively and persists nothing, {@link CommitBars} persists the
 * events of the bars the swarm keeps — and a bot whose market memory is not in step with its journal asks to be
 * warmed up first. Runs on the in-memory persistence testkit with the project's real serialization bindings (Jackson
 * CBOR through {@link CborSerializable}, Java serialization off); every command, event, state and testkit-routed reply
 * is round-tripped through them and must come back equal.
 */
class BotEntityTest {

  private static final String BOT = "long-07";
  private static final String BTC = "BTC-USD";
  private static final String PERSISTENCE_ID = BotEntity.persistenceId(BOT).id();
  private static final long T0 = 1_700_000_000_000L;
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  /**
   * The testkit's in-memory journal and snapshot store, over the bindings the swarm really runs with. Loaded (not
   * just parsed) so that serialization.conf's {@code jackson-modules += ...} extends Pekko's reference list.
   */
  private static final Config CONFIG = ConfigFactory.load(ConfigFactory.parseString("""
          pekko.loglevel = WARNING
          pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
          pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
          """)
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.parseResourcesAnySyntax("serialization.conf")));

  private static final EventSourcedBehaviorTestKit.SerializationSettings SERIALIZATION =
      EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true);

  /** Half the equity per entry, leverage 1, exits on signals only. */
  private static final TradePlan HALF_ON_SIGNALS = Plans.plan().fraction("0.5").build();

  /** SMA(2) x SMA(4), long, 10 bps taker fee, 5 bps slippage, fills at the close. */
  private static final BotConfig LONG_BTC = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), BTC, "paper",
      Side.LONG, bd("10"), bd("5"), FillTiming.CLOSE, HALF_ON_SIGNALS);

  // Closes, and what SMA(2) / SMA(4) do on them:
  private static final List<String> WARM_UP = List.of("110.00", "108.00", "106.00", "104.00", "102.00"); // below
  private static final String CROSS_UP = "110.00"; // SMA2 106 > SMA4 105.5: crossed up
  private static final List<String> RALLY = List.of("118.00", "121.00", "119.00"); // stays above
  private static final String CROSS_DOWN = "117.00"; // SMA2 118 < SMA4 118.75: crossed down
  private static final List<String> DIP = List.of("114.00", "112.00"); // stays below
  private static final String CROSS_UP_AGAIN = "120.00"; // SMA2 116 > SMA4 115.75: crossed up

  /** 10,000 in 10^-8 units, as an evaluation reports it. */
  private static final long TEN_THOUSAND_UNITS = 1_000_000_000_000L;

  private static ActorTestKit actors;

  private EventSourcedBehaviorTestKit<Command, Event, BotState> bot;
  private BarFeed feed;
  /** Events persisted so far, counted from the command results. */
  private long persisted;
  private long stepId;
  /** Every bar committed so far, in order: the history a warm-up replays. */
  private List<Bar> committed;

  @BeforeAll
  static void startActorSystem() {
    actors = ActorTestKit.create("BotEntityTest", CONFIG);
  }

  @AfterAll
  static void stopActorSystem() {
    actors.shutdownTestKit();
  }

  @BeforeEach
  void freshBot() {
    freshBot(BotSettings.DEFAULT);
  }

  private void freshBot(BotSettings settings) {
    bot = EventSourcedBehaviorTestKit.create(actors.system(), BotEntity.create(BOT, settings), SERIALIZATION);
    bot.clear(); // journal and snapshots of "bot|long-07" start empty
    feed = new BarFeed(BTC, T0);
    persisted = 0;
    stepId = 0;
    committed = new ArrayList<>();
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  private <R> CommandResultWithReply<Command, Event, BotState, StatusReply<R>> send(
      Function<ActorRef<StatusReply<R>>, Command> command) {
    CommandResultWithReply<Command, Event, BotState, StatusReply<R>> result = bot.runCommand(command);
    persisted += result.events().size();
    return result;
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> configure(BotConfig config) {
    return this.<Done>send(replyTo -> new Configure(config, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> changeParameters(
      Map<String, String> parameters) {
    return this.<Done>send(replyTo -> new ChangeParameters(parameters, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> allocate(long seq, String amount) {
    return this.<Done>send(replyTo -> new AllocateCapital(seq, amount == null ? null : bd(amount), replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> release(long seq, String amount) {
    return release(seq, bd(amount));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> release(long seq, BigDecimal amount) {
    return this.<Done>send(replyTo -> new ReleaseCapital(seq, amount, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> pause() {
    return this.<Done>send(Pause::new);
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> resume() {
    return this.<Done>send(Resume::new);
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> halt(String reason) {
    return this.<Done>send(replyTo -> new Halt(reason, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<BotEntity.Retired>> retire(long seq) {
    return this.<BotEntity.Retired>send(replyTo -> new Retire(seq, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Done>> warmUp(List<Bar> bars, boolean restart) {
    return this.<Done>send(replyTo -> new WarmUp(bars, restart, replyTo));
  }

  private CommandResultWithReply<Command, Event, BotState, StatusReply<Committed>> commit(long step, int bars) {
    return this.<Committed>send(replyTo -> new CommitBars(step, bars, replyTo));
  }

  /** What an evaluation answered, persisted (nothing, ever) and left behind. */
  private record Evaluated(StatusReply<Evaluation> reply, List<Event> events, BotState state) {
    Evaluation value() {
      assertAck(reply);
      return reply.getValue();
    }
  }

  /**
   * Evaluate, with the reply going to a probe of the test's own: {@link Evaluation} holds a {@code long[]}, which a
   * record compares by identity, so the testkit's equality check of replies cannot pass it (see
   * {@link #anEvaluationCrossesTheNetworkIntact}).
   */
  private Evaluated evaluate(long step, List<Bar> bars, TradingState swarm) {
    TestProbe<StatusReply<Evaluation>> probe = actors.createTestProbe();
    var result = bot.runCommand(new EvaluateBars(step, bars, swarm, probe.ref()));
    assertThat(result.events()).as("evaluating persists nothing").isEmpty();
    return new Evaluated(probe.receiveMessage(), result.events(), result.state());
  }

  private Evaluation evaluate(long step, List<Bar> bars) {
    return evaluate(step, bars, TradingState.ACTIVE).value();
  }

  /** Evaluates {@code bars} as the next step and commits all of them; returns the events the commit persisted. */
  private List<Event> step(List<Bar> bars, TradingState swarm) {
    Evaluation evaluation = evaluate(++stepId, bars, swarm).value();
    assertThat(evaluation.needsWarmUp()).as("step %d needs a warm-up", stepId).isFalse();
    var result = commit(stepId, bars.size());
    assertAck(result.reply());
    committed.addAll(bars);
    return result.events();
  }

  private List<Event> step(List<Bar> bars) {
    return step(bars, TradingState.ACTIVE);
  }

  /** A step of the feed's next bars, closing at {@code closes}. */
  private List<Event> closes(List<String> closes) {
    return step(bars(closes));
  }

  private List<Event> close(String close) {
    return closes(List.of(close));
  }

  private List<Bar> bars(List<String> closes) {
    return closes.stream().map(feed::next).toList();
  }

  private BotView view() {
    CommandResultWithReply<Command, Event, BotState, BotView> result = bot.runCommand(GetState::new);
    assertThat(result.events()).as("GetState persists nothing").isEmpty();
    return result.reply();
  }

  /** Configured, 10,000 allocated, five falling bars committed: the next cross up enters. */
  private void configuredFundedAndWarmedUp(BotConfig config) {
    assertAck(configure(config).reply());
    assertAck(allocate(1, "10000").reply());
    assertThat(closes(WARM_UP)).hasSize(1).first().isInstanceOf(MarketObserved.class);
  }

  private void configuredFundedAndWarmedUp() {
    configuredFundedAndWarmedUp(LONG_BTC);
  }

  /** ... and the cross up entered: long ENTRY_QTY at ENTRY_PRICE. */
  private void inALongPosition() {
    configuredFundedAndWarmedUp();
    close(CROSS_UP);
    assertThat(bot.getState().position()).isNotNull();
  }

  // ---- hand-worked numbers of the long scenario --------------------------------------------------------------
  // Entry on the cross-up close of 110.00: the budget is half the equity, 5,000, and must also pay slippage and fee:
  //   quantity = 5000 / (110.00 x (1 + 5/10000 + 10/10000)) = 5000 / 110.165 = 45.386465755... -> 45.38646575
  // The buy fills 5 bps above the close, 110.00 + 0.055 = 110.055, and pays 10 bps of the notional:
  //   notional = 45.38646575 x 110.055 = 4995.00748811625 -> 4995.00748812 (the cost basis, and the margin)
  //   fee = 4.99500748811625 -> 4.99500749
  private static final BigDecimal ENTRY_QTY = bd("45.38646575");
  private static final BigDecimal ENTRY_PRICE = bd("110.05500000");
  private static final BigDecimal ENTRY_COST = bd("4995.00748812");
  private static final BigDecimal ENTRY_FEE = bd("4.99500749");

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  private static BigDecimal m(String value) {
    return Money.of(value);
  }

  /** {@code amount x bps / 10,000}, exactly. */
  private static BigDecimal bps(BigDecimal amount, String bps) {
    return amount.multiply(bd(bps)).divide(TEN_THOUSAND);
  }

  private static BigDecimal round8(BigDecimal value) {
    return value.setScale(Money.SCALE, RoundingMode.HALF_EVEN);
  }

  private static <T> List<T> only(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  // ---- reply assertions --------------------------------------------------------------------------------------

  private static void assertAck(StatusReply<?> reply) {
    assertThat(reply.isSuccess()).as("expected an ack, got %s", reply).isTrue();
  }

  private static String errorOf(StatusReply<?> reply) {
    assertThat(reply.isError()).as("expected an error, got %s", reply).isTrue();
    return reply.getError().getMessage();
  }

  /** Refused with a message containing {@code messagePart}, nothing persisted, the state as it was. */
  private static void assertRefused(CommandResultWithReply<Command, Event, BotState, ? extends StatusReply<?>> result,
      BotState before, String messagePart) {
    assertThat(errorOf(result.reply())).contains(messagePart);
    assertThat(result.events()).isEmpty();
    assertThat(result.state()).isEqualTo(before);
  }

  private static void assertRefused(Evaluated evaluated, BotState before, String messagePart) {
    assertThat(errorOf(evaluated.reply())).contains(messagePart);
    assertThat(evaluated.events()).isEmpty();
    assertThat(evaluated.state()).isEqualTo(before);
  }

  /** Acknowledged, nothing persisted, the state as it was. */
  private static void assertIgnored(CommandResultWithReply<Command, Event, BotState, ? extends StatusReply<?>> result,
      BotState before) {
    assertAck(result.reply());
    assertThat(result.events()).isEmpty();
    assertThat(result.state()).isEqualTo(before);
  }

  // ============================================================================================================
  // Serialization wiring
  // ============================================================================================================

  @Test
  void commandsEventsAndStateGoThroughJacksonCborAndJavaSerializationIsOff() {
    var serialization = SerializationExtension.get(actors.system().classicSystem());
    List<Object> samples = List.of(new CapitalAllocated(1, Money.of(5)), new BotPaused(), BotState.empty(BOT),
        new Configure(LONG_BTC, actors.<StatusReply<Done>>createTestProbe().ref()),
        new EvaluateBars(1, List.of(feed.next("1.00")), TradingState.ACTIVE,
            actors.<StatusReply<Evaluation>>createTestProbe().ref()),
        new Evaluation(BOT, 1, new long[] {1}, false, T0), new Committed(BOT, T0, 1));
    for (Object sample : samples) {
      assertThat(serialization.findSerializerFor(sample).getClass().getSimpleName())
          .as("serializer for %s", sample.getClass().getSimpleName()).isEqualTo("JacksonCborSerializer");
    }
    assertThat(actors.system().settings().config().getBoolean("pekko.actor.allow-java-serialization")).isFalse();
  }

  @Test
  void anEvaluationCrossesTheNetworkIntact() {
    // The master that asks for an evaluation may run on another JVM of the swarm.
    Evaluation sent = new Evaluation(BOT, 42, new long[] {TEN_THOUSAND_UNITS, 999_250_873_689L}, false, T0 + 60_000);

    Evaluation received = (Evaluation) new SerializationTestKit(actors.system()).verifySerialization(sent, false);

    assertThat(received).isNotSameAs(sent);
    assertThat(received.botId()).isEqualTo(BOT);
    assertThat(received.stepId()).isEqualTo(42);
    assertThat(received.equityAfterBar()).containsExactly(TEN_THOUSAND_UNITS, 999_250_873_689L);
    assertThat(received.needsWarmUp()).isFalse();
    assertThat(received.lastBarTimeMs()).isEqualTo(T0 + 60_000);
  }

  // ============================================================================================================
  // Configure
  // ============================================================================================================

  @Test
  void configuringAValidBotPersistsBotConfiguredAndMakesItActive() {
    var result = configure(LONG_BTC);

    assertAck(result.reply());
    assertThat(result.events()).containsExactly(new BotConfigured(LONG_BTC));
    BotState state = result.state();
    assertThat(state.status()).isEqualTo(BotStatus.ACTIVE);
    assertThat(state.config()).isEqualTo(LONG_BTC);
    assertThat(state.portfolio().cash()).isEqualTo(Money.ZERO);
    assertThat(state.lastBarTimeMs()).as("no bar yet").isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void configuringWithAnUnknownStrategyIsRefusedNamingItAndPersistsNothing() {
    BotConfig config = new BotConfig("moon-shot", Map.of(), BTC, "paper", Side.LONG, bd("10"), bd("5"));

    var result = configure(config);

    assertRefused(result, BotState.empty(BOT), "unknown strategy 'moon-shot'");
    assertThat(result.state().status()).isEqualTo(BotStatus.NEW);
  }

  @Test
  void configuringWithABadSettingIsRefusedNamingItAndPersistsNothing() {
    TradePlan tooLevered = Plans.plan().build().withLeverage(bd("6"));
    Map<BotConfig, String> bad = Map.of(
        LONG_BTC.withParameters(Map.of("short", "0", "long", "4")),
        "strategy 'sma-cross': parameter 'short' must be a whole number from 1 to 1000, got '0'",
        LONG_BTC.withParameters(Map.of("short", "5", "long", "4")), "parameter 'long' must be a whole number greater",
        LONG_BTC.withParameters(Map.of("shrot", "2")), "unknown parameter 'shrot'",
        new BotConfig("sma-cross", Map.of(), BTC, "paper", Side.LONG, bd("2000"), bd("5")),
        "feeBps must be in [0, 1000], got 2000",
        new BotConfig("sma-cross", Map.of(), " ", "paper", Side.LONG, bd("10"), bd("5")),
        "instrument must not be blank",
        new BotConfig("sma-cross", Map.of(), BTC, "paper", Side.LONG, bd("10"), bd("5"), FillTiming.CLOSE, tooLevered),
        "leverage must be in [1, 5], got 6");
    bad.forEach((config, message) -> assertRefused(configure(config), BotState.empty(BOT), message));
    assertThat(persisted).isZero();
  }

  @Test
  void configuringAgainWithTheSameConfigIsAcknowledgedWithoutAnEvent() {
    BotState configured = configure(LONG_BTC).state();

    assertIgnored(configure(LONG_BTC), configured);
  }

  @Test
  void configuringAgainWithADifferentConfigIsRefusedPointingToChangeParameters() {
    BotState configured = configure(LONG_BTC).state();
    BotConfig other = LONG_BTC.withParameters(Map.of("short", "3", "long", "9"));

    assertRefused(configure(other), configured, "already configured; change parameters instead");
  }

  // ============================================================================================================
  // Parameters
  // ============================================================================================================

  @Test
  void changingParametersPersistsParametersChangedAndTheBotWarmsUpOnTheNewStrategyBeforeTradingAgain() {
    configuredFundedAndWarmedUp();

    var result = changeParameters(Map.of("short", "2", "long", "3"));

    assertAck(result.reply());
    assertThat(result.events()).containsExactly(new ParametersChanged(Map.of("short", "2", "long", "3")));
    assertThat(result.state().config().parameters()).containsEntry("long", "3");
    // Its market memory holds SMA(2) x SMA(4): it asks for its history before trading on SMA(2) x SMA(3).
    List<Bar> next = bars(List.of("107.00"));
    Evaluation stale = evaluate(++stepId, next);
    assertThat(stale.needsWarmUp()).isTrue();
    assertThat(stale.lastBarTimeMs()).isEqualTo(feed.lastTimeMs() - BarFeed.MINUTE);
    assertAck(warmUp(committed, true).reply());
    // After 106, 104, 102, 107: SMA(2) 104.5 > SMA(3) 104.33, crossed up — below SMA(4) 104.75 it would not be.
    List<Event> events = step(next);
    assertThat(only(events, OrderFilled.class)).hasSize(1);
  }

  @Test
  void changingToInvalidParametersIsRefusedNamingTheParameter() {
    BotState configured = configure(LONG_BTC).state();

    assertRefused(changeParameters(Map.of("short", "-1")), configured, "parameter 'short'");
  }

  // ============================================================================================================
  // A bot that was never configured
  // ============================================================================================================

  @Test
  void everyCommandToAnUnconfiguredBotIsRefusedAsUnknownAndPersistsNothing() {
    BotState empty = BotState.empty(BOT);
    String unknown = "unknown bot long-07 (never configured)";

    assertRefused(allocate(1, "100"), empty, unknown);
    assertRefused(release(1, "1"), empty, unknown);
    assertRefused(evaluate(1, bars(List.of("100.00")), TradingState.ACTIVE), empty, unknown);
    assertRefused(commit(1, 1), empty, unknown);
    assertRefused(warmUp(List.of(), true), empty, unknown);
    assertRefused(changeParameters(Map.of("short", "3")), empty, unknown);
    assertRefused(pause(), empty, unknown);
    assertRefused(resume(), empty, unknown);
    assertRefused(halt("risk"), empty, unknown);
    assertRefused(retire(1), empty, unknown);
    assertThat(persisted).isZero();
  }

  @Test
  void anUnconfiguredBotStillReportsItsState() {
    BotView view = view();

    assertThat(view.botId()).isEqualTo(BOT);
    assertThat(view.status()).isEqualTo(BotStatus.NEW);
    assertThat(view.eventCount()).isZero();
    assertThat(view.config()).isNull();
  }

  // ============================================================================================================
  // Capital in
  // ============================================================================================================

  @Test
  void allocatingCapitalPersistsCapitalAllocatedAndAddsItToCashAndAllocated() {
    configure(LONG_BTC);

    var result = allocate(1, "10000");

    assertAck(result.reply());
    assertThat(result.events()).containsExactly(new CapitalAllocated(1, m("10000")));
    assertThat(result.state().portfolio().cash()).isEqualTo(m("10000"));
    assertThat(result.state().portfolio().allocated()).isEqualTo(m("10000"));
    assertThat(result.state().lastTransferSeq()).isEqualTo(1);
    assertThat(view().releasable()).isEqualTo(m("10000"));
  }

  @Test
  void anAllocationRetriedWithTheSameOrAnOlderTransferSeqIsAcknowledgedWithoutBeingAppliedTwice() {
    configure(LONG_BTC);
    allocate(1, "10000");
    BotState once = allocate(2, "2500").state();

    assertIgnored(allocate(2, "2500"), once);
    assertIgnored(allocate(1, "10000"), once);
    assertThat(once.portfolio().cash()).isEqualTo(m("12500"));
  }

  @Test
  void aNonPositiveAllocationIsRefusedAndDoesNotUseUpItsTransferSeq() {
    BotState configured = configure(LONG_BTC).state();

    assertRefused(allocate(1, "0"), configured, "amount must be > 0, got 0");
    assertRefused(allocate(1, "-250"), configured, "amount must be > 0, got -250");
    assertRefused(allocate(1, null), configured, "amount must be > 0, got null");

    assertThat(allocate(1, "250").events()).containsExactly(new CapitalAllocated(1, m("250")));
  }

  // ============================================================================================================
  // Capital out
  // ============================================================================================================

  @Test
  void releasingWithinWhatIsReleasablePersistsCapitalReleased() {
    configure(LONG_BTC);
    allocate(1, "10000");

    var result = release(2, "2500.50");

    assertAck(result.reply());
    assertThat(result.events()).containsExactly(new CapitalReleased(2, m("2500.50")));
    assertThat(result.state().portfolio().cash()).isEqualTo(m("7499.50"));
    assertThat(result.state().portfolio().allocated()).isEqualTo(m("7499.50"));
    assertThat(result.state().lastTransferSeq()).isEqualTo(2);
  }

  @Test
  void everythingReleasableCanBeReleased() {
    configure(LONG_BTC);
    allocate(1, "10000");

    var result = release(2, "10000");

    assertThat(result.events()).containsExactly(new CapitalReleased(2, m("10000")));
    assertThat(result.state().portfolio().cash()).isEqualTo(Money.ZERO);
  }

  @Test
  void releaseBeyondFreeCashIsRefusedAndChangesNothing() {
    configure(LONG_BTC);
    BotState funded = allocate(1, "10000").state();

    assertRefused(release(2, "10000.01"), funded, "bot long-07 can release at most 10000.00000000, asked 10000.01");
  }

  @Test
  void capitalBackingAnOpenPositionCannotBeReleased() {
    inALongPosition();
    BotState before = bot.getState();
    // Only the cash the entry left is free: 10000 - 4995.00748812 - 4.99500749 = 4999.99750439.
    BigDecimal free = m("10000").subtract(ENTRY_COST).subtract(ENTRY_FEE);
    assertThat(free).isEqualTo(m("4999.99750439"));
    assertThat(view().releasable()).isEqualTo(free);

    assertRefused(release(2, "5000"), before, "can release at most 4999.99750439, asked 5000");

    var result = release(2, free);
    assertThat(result.events()).containsExactly(new CapitalReleased(2, free));
    assertThat(result.state().position()).isNotNull();
  }

  @Test
  void aRetriedReleaseIsAcknowledgedWithoutBeingAppliedTwice() {
    configure(LONG_BTC);
    allocate(1, "10000");
    BotState once = release(2, "1000").state();

    assertIgnored(release(2, "1000"), once);
    assertThat(once.portfolio().cash()).isEqualTo(m("9000"));
  }

  @Test
  void aNonPositiveReleaseIsRefused() {
    configure(LONG_BTC);
    BotState funded = allocate(1, "10000").state();

    assertRefused(release(2, "0"), funded, "amount must be > 0");
    assertRefused(release(2, "-1"), funded, "amount must be > 0");
  }

  // ============================================================================================================
  // Evaluate and commit
  // ============================================================================================================

  @Test
  void anEvaluationReportsTheEquityAfterEachBarAndPersistsNothing() {
    configure(LONG_BTC);
    BotState funded = allocate(1, "10000").state();
    List<Bar> bars = bars(concat(WARM_UP, List.of(CROSS_UP)));

    Evaluated evaluated = evaluate(1, bars, TradingState.ACTIVE);

    // Flat through the warm-up; after the entry 4999.99750439 cash + 45.38646575 x 110.00 = 9992.50873689.
    assertThat(evaluated.value()).satisfies(e -> {
      assertThat(e.botId()).isEqualTo(BOT);
      assertThat(e.stepId()).isEqualTo(1);
      assertThat(e.needsWarmUp()).isFalse();
      assertThat(e.lastBarTimeMs()).isEqualTo(bars.get(5).timeMs());
      assertThat(e.equityAfterBar()).containsExactly(TEN_THOUSAND_UNITS, TEN_THOUSAND_UNITS, TEN_THOUSAND_UNITS,
          TEN_THOUSAND_UNITS, TEN_THOUSAND_UNITS, 999_250_873_689L);
    });
    assertThat(evaluated.state()).as("the state is untouched until the commit").isEqualTo(funded);
    assertThat(view().eventCount()).isEqualTo(2);
  }

  @Test
  void committingQuietBarsWritesOnlyTheLastMarketObservation() {
    configure(LONG_BTC);
    allocate(1, "10000");
    List<Bar> bars = bars(WARM_UP);
    evaluate(1, bars);

    var result = commit(1, bars.size());

    assertAck(result.reply());
    assertThat(result.reply().getValue()).isEqualTo(new Committed(BOT, bars.get(4).timeMs(), 1));
    assertThat(result.events()).hasSize(1);
    MarketObserved observed = (MarketObserved) result.events().get(0);
    assertThat(observed.timeMs()).isEqualTo(bars.get(4).timeMs());
    assertThat(observed.close()).isEqualByComparingTo("102.00");
    assertThat(observed.guard()).isNull();
    assertThat(observed.stats().barsObserved()).as("set, not counted: all five bars").isEqualTo(5);
    BotState state = result.state();
    assertThat(state.lastBarTimeMs()).isEqualTo(bars.get(4).timeMs());
    assertThat(state.lastClose()).isEqualTo(m("102"));
    assertThat(state.stats().barsObserved()).isEqualTo(5);
    assertThat(state.stats().peakEquity()).isEqualTo(m("10000"));
  }

  @Test
  void aCrossUpOpensALongPositionSizedOnHalfTheEquityNetOfCosts() {
    configuredFundedAndWarmedUp();
    // The hand-worked sizing above, redone from its definition.
    BigDecimal costFactor = BigDecimal.ONE.add(bps(BigDecimal.ONE, "5")).add(bps(BigDecimal.ONE, "10"));
    BigDecimal quantity = bd("5000").divide(bd("110.00").multiply(costFactor), 20, RoundingMode.DOWN)
        .setScale(Money.SCALE, RoundingMode.DOWN);
    assertThat(quantity).isEqualTo(ENTRY_QTY);
    assertThat(round8(bd("110.00").add(bps(bd("110.00"), "5")))).isEqualTo(ENTRY_PRICE);
    assertThat(round8(ENTRY_QTY.multiply(ENTRY_PRICE))).isEqualTo(ENTRY_COST);
    assertThat(round8(bps(ENTRY_QTY.multiply(ENTRY_PRICE), "10"))).isEqualTo(ENTRY_FEE);
    Bar cross = feed.next(CROSS_UP);

    List<Event> events = step(List.of(cross));

    Order order = new Order("long-07-o0", BTC, OrderAction.BUY, ENTRY_QTY, Order.Reason.ENTRY, cross.timeMs());
    assertThat(events.subList(0, 3)).containsExactly(
        new OrderPlaced(order),
        new OrderFilled("long-07-o0",
            new Fill(BTC, OrderAction.BUY, ENTRY_QTY, ENTRY_PRICE, ENTRY_FEE, cross.timeMs())),
        new PositionProtected(new PositionGuard(Side.LONG, ENTRY_PRICE, null, null, null, null, ENTRY_PRICE, ENTRY_COST,
            null, null, cross.timeMs(), 0)));
    assertThat(events.get(3)).isInstanceOf(MarketObserved.class);
    BotState state = bot.getState();
    assertThat(state.position()).isEqualTo(new Position(BTC, ENTRY_QTY, ENTRY_COST, ENTRY_FEE, cross.timeMs()));
    assertThat(state.portfolio().cash()).isEqualTo(m("4999.99750439"));
    assertThat(state.portfolio().realizedPnl()).isEqualTo(ENTRY_FEE.negate());
    assertThat(state.portfolio().feesPaid()).isEqualTo(ENTRY_FEE);
    assertThat(state.openOrders()).as("filled at the close: nothing left waiting").isEmpty();
    assertThat(state.orderSeq()).isEqualTo(1);
    assertThat(state.stats().fills()).isEqualTo(1);
    assertThat(state.portfolio().isBalanced()).isTrue();
  }

  @Test
  void aCrossDownClosesThePositionAndTheLedgerLineIsTheRealizedGainLessBothFees() {
    inALongPosition();
    closes(RALLY);
    Bar cross = feed.next(CROSS_DOWN);

    List<Event> events = step(List.of(cross));

    // The sell fills 5 bps below the close of 117.00: 116.9415; fee 10 bps of 45.38646575 x 116.9415 = 5.30756138.
    BigDecimal exitPrice = m("116.9415");
    BigDecimal exitFee = round8(bps(ENTRY_QTY.multiply(exitPrice), "10"));
    assertThat(exitFee).isEqualTo(m("5.30756138"));
    // Realized: 5307.56138450 out - 4995.00748812 in - 4.99500749 - 5.30756138 = 302.25132751.
    BigDecimal realized = round8(ENTRY_QTY.multiply(exitPrice)).subtract(ENTRY_COST).subtract(ENTRY_FEE)
        .subtract(exitFee);
    assertThat(realized).isEqualTo(m("302.25132751"));
    Order order = new Order("long-07-o1", BTC, OrderAction.SELL, ENTRY_QTY, Order.Reason.EXIT, cross.timeMs());
    assertThat(events.subList(0, 3)).containsExactly(
        new OrderPlaced(order),
        new OrderFilled("long-07-o1", new Fill(BTC, OrderAction.SELL, ENTRY_QTY, exitPrice, exitFee, cross.timeMs())),
        new TradeClosed(new ClosedTrade(BOT, BTC, Side.LONG, ENTRY_QTY, cross.timeMs() - 4 * BarFeed.MINUTE,
            ENTRY_PRICE, cross.timeMs(), exitPrice, realized, ENTRY_FEE.add(exitFee), "signal")));
    BotState state = bot.getState();
    assertThat(state.position()).isNull();
    assertThat(state.guard()).isNull();
    assertThat(state.portfolio().realizedPnl()).isEqualTo(realized);
    assertThat(state.portfolio().cash()).isEqualTo(m("10302.25132751"));
    assertThat(state.portfolio().isBalanced()).isTrue();
    assertThat(state.stats().roundTrips()).isEqualTo(1);
    assertThat(state.stats().wins()).isEqualTo(1);
    assertThat(state.stats().fills()).isEqualTo(2);
    assertThat(view().capital()).isEqualTo(m("10302.25132751"));
  }

  @Test
  void aShortBotSellsTheCrossDownAndBuysBackTheCrossUpAtALoss() {
    BotConfig shortBtc = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), BTC, "paper", Side.SHORT,
        bd("10"), bd("5"), FillTiming.CLOSE, HALF_ON_SIGNALS);
    configuredFundedAndWarmedUp(shortBtc);
    closes(concat(List.of(CROSS_UP), RALLY));

    List<Event> entry = close(CROSS_DOWN);
    // 5000 / (117.00 x 1.0015) -> 42.67155941 units, sold 5 bps below 117.00 at 116.9415.
    BigDecimal qty = bd("5000").divide(bd("117.00").multiply(bd("1.0015")), 20, RoundingMode.DOWN)
        .setScale(Money.SCALE, RoundingMode.DOWN);
    BigDecimal sellPrice = m("116.9415");
    BigDecimal sellFee = round8(bps(qty.multiply(sellPrice), "10"));
    assertThat(only(entry, OrderFilled.class)).extracting(OrderFilled::fill)
        .containsExactly(new Fill(BTC, OrderAction.SELL, qty, sellPrice, sellFee, feed.lastTimeMs()));
    assertThat(bot.getState().position().quantity()).isEqualTo(qty.negate());
    assertThat(bot.getState().guard().liquidationPrice()).as("an unlevered short still has one").isNotNull();

    closes(DIP);
    List<Event> exit = close(CROSS_UP_AGAIN);
    // Bought back 5 bps above 120.00 at 120.06.
    BigDecimal buyPrice = m("120.06");
    BigDecimal buyFee = round8(bps(qty.multiply(buyPrice), "10"));
    assertThat(only(exit, OrderFilled.class)).extracting(OrderFilled::fill)
        .containsExactly(new Fill(BTC, OrderAction.BUY, qty, buyPrice, buyFee, feed.lastTimeMs()));
    BotState state = bot.getState();
    assertThat(state.position()).isNull();
    assertThat(state.portfolio().realizedPnl())
        .isEqualTo(round8(qty.multiply(sellPrice)).subtract(round8(qty.multiply(buyPrice))).subtract(sellFee)
            .subtract(buyFee));
    assertThat(only(exit, TradeClosed.class).get(0).trade().pnl()).isEqualTo(state.portfolio().realizedPnl());
    assertThat(state.portfolio().realizedPnl().signum()).isNegative();
    assertThat(state.stats().losses()).isEqualTo(1);
  }

  @Test
  void aStepWithATradeWritesTheTradeEventsBetweenTheMarketObservationsTheyFollow() {
    configure(LONG_BTC);
    allocate(1, "10000");
    List<Bar> bars = bars(concat(WARM_UP, List.of(CROSS_UP), RALLY));

    List<Event> events = step(bars);

    // The warm-up's last observation (it sets the mark the entry is made against), the entry, the rally's last.
    assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MarketObserved",
        "OrderPlaced", "OrderFilled", "PositionProtected", "MarketObserved");
    assertThat(((MarketObserved) events.get(0)).timeMs()).isEqualTo(bars.get(4).timeMs());
    assertThat(((MarketObserved) events.get(4)).timeMs()).isEqualTo(bars.get(8).timeMs());
    assertThat(((MarketObserved) events.get(4)).guard().barsHeld()).isEqualTo(3);
  }

  @Test
  void aReducingSwarmKeepsTheBotOutAndTheRefusalIsJournaled() {
    configuredFundedAndWarmedUp();
    Bar cross = feed.next(CROSS_UP);

    List<Event> events = step(List.of(cross), TradingState.REDUCING);

    assertThat(events.get(0)).isEqualTo(new EntryRefused(cross.timeMs(), "swarm is REDUCING"));
    assertThat(events).hasSize(2);
    assertThat(bot.getState().position()).isNull();
  }

  @Test
  void anEvaluationThatIsNotCommittedLeavesTheJournalAndTheStateAsTheyWere() {
    configuredFundedAndWarmedUp();
    BotState before = bot.getState();
    long events = view().eventCount();

    Evaluation evaluation = evaluate(++stepId, bars(List.of(CROSS_UP)));

    assertThat(evaluation.equityAfterBar()).containsExactly(999_250_873_689L);
    assertThat(bot.getState()).isEqualTo(before);
    assertThat(view().eventCount()).isEqualTo(events);
    assertThat(bot.persistenceTestKit().persistedInStorage(PERSISTENCE_ID)).hasSize((int) events);
  }

  @Test
  void stepsEvaluatedButNeverCommittedMustBeWarmedUpBeforeTheNextEvaluation() {
    configuredFundedAndWarmedUp();
    List<Bar> cross = bars(List.of(CROSS_UP));
    evaluate(++stepId, cross);

    // Evaluated again (say the reply was lost): the bot's market memory has already seen this bar.
    Evaluation again = evaluate(++stepId, cross);

    assertThat(again.needsWarmUp()).isTrue();
    assertThat(again.equityAfterBar()).isEmpty();
    assertThat(again.lastBarTimeMs()).isEqualTo(committed.get(committed.size() - 1).timeMs());
    assertAck(warmUp(committed, true).reply());
    assertThat(only(step(cross), OrderFilled.class)).hasSize(1);
  }

  @Test
  void aStepEvaluatedBeforeCapitalWasReleasedIsNotCommittedOnTheSmallerBooks() {
    BotConfig allIn = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), BTC, "paper", Side.LONG, bd("10"),
        bd("5"), FillTiming.CLOSE, Plans.plan().fraction("0.95").build());
    configuredFundedAndWarmedUp(allIn);
    List<Bar> cross = bars(List.of(CROSS_UP));
    evaluate(++stepId, cross); // enters with 95 % of 10,000, tentatively
    assertAck(release(2, "9000").reply()); // the books do not know about the entry yet: all 10,000 is releasable

    var result = commit(stepId, 1);

    // Committing would buy 9,500 of notional on 1,000 of equity at leverage 1: the step must be evaluated again.
    assertThat(result.reply().isError()).as("commit of a stale step: %s", result.reply()).isTrue();
    assertThat(result.events()).isEmpty();
    assertThat(bot.getState().position()).isNull();
  }

  @Test
  void aCommitOfAnotherStepOrOfMoreBarsThanEvaluatedIsRefusedAndPersistsNothing() {
    configure(LONG_BTC);
    BotState funded = allocate(1, "10000").state();
    List<Bar> bars = bars(WARM_UP);
    evaluate(7, bars);

    assertRefused(commit(6, 5), funded, "bot long-07 has no evaluated step 6 to commit");
    assertRefused(commit(7, 6), funded, "step 7 has 5 bars, cannot commit 6");
    assertRefused(commit(7, -1), funded, "step 7 has 5 bars, cannot commit -1");

    // The evaluated step is still there to commit, once.
    assertAck(commit(7, 5).reply());
    assertRefused(commit(7, 5), bot.getState(), "bot long-07 has no evaluated step 7 to commit");
  }

  @Test
  void committingNoBarsPersistsNothingAndTheBotWarmsUpBeforeTradingOnThem() {
    configuredFundedAndWarmedUp();
    BotState before = bot.getState();
    List<Bar> next = bars(List.of(CROSS_UP));
    evaluate(++stepId, next);

    var result = commit(stepId, 0);

    assertAck(result.reply());
    assertThat(result.reply().getValue()).isEqualTo(new Committed(BOT, before.lastBarTimeMs(), 0));
    assertThat(result.events()).isEmpty();
    assertThat(result.state()).isEqualTo(before);
    assertThat(evaluate(++stepId, next).needsWarmUp()).isTrue();
  }

  @Test
  void afterAPartialCommitAndAWarmUpTheBotTradesExactlyAsABotThatNeverStopped() {
    List<String> closes = concat(WARM_UP, List.of(CROSS_UP), RALLY, List.of(CROSS_DOWN), DIP, List.of(CROSS_UP_AGAIN));
    // The reference: every bar in one step.
    configure(LONG_BTC);
    allocate(1, "10000");
    step(bars(closes));
    BotState reference = bot.getState();
    assertThat(reference.stats().roundTrips()).as("the reference traded").isEqualTo(1);
    assertThat(reference.position()).as("and is in again").isNotNull();

    freshBot();
    configure(LONG_BTC);
    allocate(1, "10000");
    List<Bar> all = bars(closes);
    // Step 1 evaluates eight bars (the entry and two rally bars), the swarm keeps six: through the entry.
    Evaluation first = evaluate(1, all.subList(0, 8));
    assertThat(first.equityAfterBar()).hasSize(8);
    var kept = commit(1, 6);
    assertThat(kept.reply().getValue()).isEqualTo(new Committed(BOT, all.get(5).timeMs(), 5));
    assertThat(only(kept.events(), OrderFilled.class)).as("the entry is kept").hasSize(1);
    assertThat(kept.state().lastBarTimeMs()).isEqualTo(all.get(5).timeMs());
    // Its market memory has seen two bars the journal has not: it asks for its history.
    Evaluation stale = evaluate(2, all.subList(6, all.size()));
    assertThat(stale.needsWarmUp()).isTrue();
    assertThat(stale.lastBarTimeMs()).isEqualTo(all.get(5).timeMs());
    assertAck(warmUp(all.subList(0, 6), true).reply());

    Evaluation resumed = evaluate(3, all.subList(6, all.size()));
    assertThat(resumed.needsWarmUp()).isFalse();
    assertAck(commit(3, all.size() - 6).reply());

    assertThat(bot.getState()).isEqualTo(reference);
  }

  @Test
  void aWarmUpIsRefusedWhenItsBarsGoBeyondTheJournalOrAreBad() {
    configuredFundedAndWarmedUp();
    BotState before = bot.getState();
    long last = before.lastBarTimeMs();
    Bar beyond = feed.next(CROSS_UP);

    assertRefused(warmUp(concat(committed, List.of(beyond)), true), before,
        "warm-up bars must end at or before the last committed bar " + last);
    assertRefused(warmUp(List.of(committed.get(1), committed.get(0)), true), before,
        "bar 1 at " + committed.get(0).timeMs() + " is not after " + committed.get(1).timeMs());
    assertRefused(warmUp(List.of(Bar.of("ETH-USD", last, "1", "1", "1", "1", "1")), true), before,
        "bot long-07 trades BTC-USD, not ETH-USD");
    assertRefused(warmUp(List.of(Bar.of(BTC, last, "100", "99", "101", "100", "5")), true), before,
        "bad bar 0 at " + last + ": high < low");
    // A warm-up that continues the memory (no restart) must start after what it has seen.
    assertRefused(warmUp(List.of(committed.get(4)), false), before, "is not after");
    // None of that disturbed the memory: the bot trades on.
    assertThat(only(step(List.of(beyond)), OrderFilled.class)).hasSize(1);
  }

  // ============================================================================================================
  // Bad bars
  // ============================================================================================================

  @Test
  void badBarsAreRefusedWithAReasonAndChangeNothing() {
    configure(LONG_BTC);
    allocate(1, "10000");
    List<Event> seen = closes(List.of("100.00"));
    BotState before = bot.getState();
    long last = before.lastBarTimeMs();
    long t = last + BarFeed.MINUTE;
    Bar good = Bar.of(BTC, t, "100", "101", "99", "100", "5");

    assertRefused(evaluate(2, List.of(Bar.of(BTC, t, "100", "99", "101", "100", "5")), TradingState.ACTIVE), before,
        "bad bar 0 at " + t + ": high < low");
    assertRefused(evaluate(2, List.of(good, Bar.of(BTC, t + 1, "100", "101", "99", "0", "5")), TradingState.ACTIVE),
        before, "bad bar 1 at " + (t + 1) + ": prices must be > 0");
    assertRefused(evaluate(2, List.of(Bar.of(BTC, t, "102", "101", "99", "100", "5")), TradingState.ACTIVE), before,
        "open outside [low, high]");
    assertRefused(evaluate(2, List.of(Bar.of(BTC, t, "100", "101", "99", "100", "-5")), TradingState.ACTIVE), before,
        "volume must be >= 0");
    assertRefused(evaluate(2, Arrays.asList(good, null), TradingState.ACTIVE), before, "bar 1 is missing");
    assertRefused(evaluate(2, null, TradingState.ACTIVE), before, "bars are missing");
    assertRefused(evaluate(2, List.of(Bar.of("ETH-USD", t, "2000", "2001", "1999", "2000", "5")), TradingState.ACTIVE),
        before, "bot long-07 trades BTC-USD, not ETH-USD");
    assertRefused(evaluate(2, List.of(good), null), before, "swarm trading state is missing");
    assertThat(seen).hasSize(1);

    // Not after the last committed bar, or not in time order.
    assertRefused(evaluate(2, List.of(Bar.of(BTC, last, "100", "130", "99", "130", "9")), TradingState.ACTIVE), before,
        "bar 0 at " + last + " is not after " + last);
    assertRefused(evaluate(2, List.of(Bar.of(BTC, last - 1, "90", "91", "89", "90", "9")), TradingState.ACTIVE),
        before, "is not after " + last);
    assertRefused(evaluate(2, List.of(good, good), TradingState.ACTIVE), before,
        "bar 1 at " + t + " is not after " + t);

    // The bot is as it was: the good bar evaluates and commits without a warm-up.
    assertThat(view().eventCount()).isEqualTo(persisted);
    assertThat(step(List.of(good))).hasSize(1);
  }

  // ============================================================================================================
  // Pause and resume
  // ============================================================================================================

  @Test
  void aPausedBotTakesNoNewEntriesButStillExits() {
    inALongPosition();

    var paused = pause();
    assertAck(paused.reply());
    assertThat(paused.events()).containsExactly(new BotPaused());
    assertThat(paused.state().status()).isEqualTo(BotStatus.PAUSED);

    closes(RALLY);
    List<Event> exit = close(CROSS_DOWN);
    assertThat(only(exit, OrderPlaced.class)).extracting(p -> p.order().reason()).containsExactly(Order.Reason.EXIT);
    assertThat(bot.getState().position()).isNull();

    closes(DIP);
    List<Event> crossUp = close(CROSS_UP_AGAIN);
    assertThat(crossUp).as("no new entry while paused").hasSize(1).first().isInstanceOf(MarketObserved.class);
    assertThat(bot.getState().position()).isNull();
    assertThat(bot.getState().status()).isEqualTo(BotStatus.PAUSED);
  }

  @Test
  void pausingAPausedBotIsAcknowledgedWithoutASecondEvent() {
    configure(LONG_BTC);
    BotState paused = pause().state();

    assertIgnored(pause(), paused);
  }

  @Test
  void resumingAPausedBotMakesItActiveAndItEntersOnTheNextCrossUp() {
    configuredFundedAndWarmedUp();
    pause();

    var resumed = resume();
    assertAck(resumed.reply());
    assertThat(resumed.events()).containsExactly(new BotResumed());
    assertThat(resumed.state().status()).isEqualTo(BotStatus.ACTIVE);

    assertThat(only(close(CROSS_UP), OrderFilled.class)).hasSize(1);
  }

  @Test
  void resumingAnActiveBotIsAcknowledgedWithoutAnEvent() {
    BotState active = configure(LONG_BTC).state();

    assertIgnored(resume(), active);
  }

  // ============================================================================================================
  // Halt
  // ============================================================================================================

  @Test
  void haltingFlattensTheOpenPositionAtTheLastMarkAndStopsTrading() {
    inALongPosition();
    Bar last = feed.next("118.00");
    step(List.of(last));

    var result = halt("drawdown limit breached");

    assertAck(result.reply());
    // Sold at the last close less 5 bps: 118.00 - 0.059 = 117.941, fee 10 bps of 45.38646575 x 117.941.
    BigDecimal price = m("117.941");
    BigDecimal fee = round8(bps(ENTRY_QTY.multiply(price), "10"));
    assertThat(fee).isEqualTo(m("5.35292516"));
    // 5352.92515702 - 4995.00748812 - 4.99500749 - 5.35292516 = 347.56973625
    BigDecimal pnl = m("347.56973625");
    Order flatten = new Order("long-07-o1", BTC, OrderAction.SELL, ENTRY_QTY, Order.Reason.FLATTEN, last.timeMs());
    assertThat(result.events()).containsExactly(
        new OrderPlaced(flatten),
        new OrderFilled("long-07-o1", new Fill(BTC, OrderAction.SELL, ENTRY_QTY, price, fee, last.timeMs())),
        new TradeClosed(new ClosedTrade(BOT, BTC, Side.LONG, ENTRY_QTY, last.timeMs() - BarFeed.MINUTE, ENTRY_PRICE,
            last.timeMs(), price, pnl, ENTRY_FEE.add(fee), "flatten")),
        new BotHalted("drawdown limit breached"));
    BotState state = result.state();
    assertThat(state.status()).isEqualTo(BotStatus.HALTED);
    assertThat(state.haltReason()).isEqualTo("drawdown limit breached");
    assertThat(state.position()).isNull();
    assertThat(state.portfolio().realizedPnl()).isEqualTo(pnl);
    assertThat(view().haltReason()).isEqualTo("drawdown limit breached");
  }

  @Test
  void haltingCancelsAnEntryWaitingForTheNextOpen() {
    BotConfig nextOpen = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), BTC, "paper", Side.LONG,
        bd("10"), bd("5"), FillTiming.NEXT_OPEN, HALF_ON_SIGNALS);
    configuredFundedAndWarmedUp(nextOpen);
    List<Event> decided = close(CROSS_UP);
    assertThat(only(decided, OrderPlaced.class)).hasSize(1);
    assertThat(bot.getState().openOrders()).containsOnlyKeys("long-07-o0");

    var result = halt("breaker");

    assertThat(result.events()).containsExactly(new OrderCancelled("long-07-o0", "breaker"), new BotHalted("breaker"));
    assertThat(result.state().openOrders()).isEmpty();
    assertThat(result.state().position()).isNull();
    // And nothing fills at the next open.
    assertThat(close("111.00")).hasSize(1).first().isInstanceOf(MarketObserved.class);
  }

  @Test
  void aHaltedBotObservesBarsButTradesNothingAndTakesNoCapital() {
    configuredFundedAndWarmedUp();
    BotState halted = halt("venue outage").state();

    List<Event> crossUp = close(CROSS_UP);
    assertThat(crossUp).hasSize(1).first().isInstanceOf(MarketObserved.class);
    BotState observed = bot.getState();
    assertThat(observed.position()).isNull();

    assertRefused(allocate(2, "500"), observed, "bot long-07 is halted");
    assertRefused(pause(), observed, "bot long-07 is HALTED; only an ACTIVE bot can be paused");
    assertThat(halted.status()).isEqualTo(BotStatus.HALTED);
  }

  @Test
  void haltingAFlatBotOnlyRecordsTheHaltAndABlankReasonBecomesHalted() {
    configure(LONG_BTC);
    allocate(1, "10000");

    var result = halt(" ");

    assertThat(result.events()).containsExactly(new BotHalted("halted"));
    assertThat(result.state().portfolio().cash()).isEqualTo(m("10000"));
  }

  @Test
  void haltingAHaltedBotIsAcknowledgedWithoutMoreEvents() {
    inALongPosition();
    BotState halted = halt("first").state();

    assertIgnored(halt("second"), halted);
    assertThat(halted.haltReason()).isEqualTo("first");
  }

  @Test
  void resumingAHaltedBotMakesItActiveAndClearsTheReason() {
    configuredFundedAndWarmedUp();
    halt("manual");

    var result = resume();

    assertThat(result.events()).containsExactly(new BotResumed());
    assertThat(result.state().status()).isEqualTo(BotStatus.ACTIVE);
    assertThat(result.state().haltReason()).isNull();
    assertThat(only(close(CROSS_UP), OrderFilled.class)).as("trades again").hasSize(1);
  }

  // ============================================================================================================
  // Retire
  // ============================================================================================================

  @Test
  void retiringFlattensAndHandsBackAllTheCash() {
    inALongPosition();
    step(List.of(feed.next("118.00")));

    var result = retire(2);

    // Flattened at 117.941 like a halt: 4999.99750439 + 5352.92515702 - 5.35292516 = 10347.56973625, all of it
    // handed back.
    BigDecimal released = m("10347.56973625");
    assertThat(result.reply().getValue().released()).isEqualTo(released);
    assertThat(result.events()).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderPlaced", "OrderFilled", "TradeClosed", "BotRetired");
    assertThat(((OrderPlaced) result.events().get(0)).order().reason()).isEqualTo(Order.Reason.FLATTEN);
    assertThat(result.events().get(3)).isEqualTo(new BotRetired(2, released));
    BotState state = result.state();
    assertThat(state.status()).isEqualTo(BotStatus.RETIRED);
    assertThat(state.retiredWith()).isEqualTo(released);
    assertThat(state.position()).isNull();
    assertThat(state.portfolio().cash()).isEqualTo(Money.ZERO);
    assertThat(state.lastTransferSeq()).isEqualTo(2);
    BotView view = view();
    assertThat(view.status()).isEqualTo(BotStatus.RETIRED);
    assertThat(view.equity()).isEqualTo(Money.ZERO);
    assertThat(view.releasable()).isEqualTo(Money.ZERO);
    assertThat(view.capital()).as("allocated + realized: nothing left under management").isEqualByComparingTo("0");
  }

  @Test
  void aFlatBotRetiresWithJustTheRetireEvent() {
    configure(LONG_BTC);
    allocate(1, "10000");

    var result = retire(2);

    assertThat(result.reply().getValue().released()).isEqualTo(m("10000"));
    assertThat(result.events()).containsExactly(new BotRetired(2, m("10000")));
  }

  @Test
  void aRetiredBotRefusesEveryCommandThatWouldChangeIt() {
    inALongPosition();
    BotState retired = retire(2).state();
    String message = "bot long-07 is retired";

    assertRefused(evaluate(++stepId, bars(List.of("125.00")), TradingState.ACTIVE), retired, message);
    assertRefused(commit(stepId, 1), retired, message);
    assertRefused(warmUp(committed, true), retired, message);
    assertRefused(allocate(3, "1000"), retired, message);
    assertRefused(release(3, "1"), retired, message);
    assertRefused(changeParameters(Map.of("short", "3")), retired, message);
    assertRefused(pause(), retired, message);
    assertRefused(resume(), retired, message);
    assertRefused(halt("again"), retired, message);
    assertThat(view().status()).isEqualTo(BotStatus.RETIRED);
  }

  @Test
  void retiringAgainRepliesTheSameAmountWithoutEvents() {
    inALongPosition();
    var first = retire(2);

    var second = retire(3);

    assertThat(second.reply().getValue()).isEqualTo(first.reply().getValue());
    assertThat(second.events()).isEmpty();
    assertThat(second.state()).isEqualTo(first.state());
  }

  // ============================================================================================================
  // Event count and recovery
  // ============================================================================================================

  /** Configure, fund, a round trip, a release, a pause that skips an entry, a resume, more bars, a halt. */
  private void aBusyLife() {
    inALongPosition();
    closes(RALLY);
    close(CROSS_DOWN);
    release(2, "302.25");
    pause();
    closes(DIP);
    close(CROSS_UP_AGAIN); // paused: observed only
    resume();
    closes(List.of("123.00", "119.00", "126.00"));
    halt("end of day");
  }

  /** After a busy life: resume and trade on; the next cross up (on 124) enters. */
  private List<Event> resumeAndTradeOn() {
    resume();
    List<Event> events = new ArrayList<>(closes(List.of("121.00", "117.00", "115.00")));
    events.addAll(close("124.00"));
    return events;
  }

  @Test
  void getStateReportsAsManyEventsAsWerePersisted() {
    assertThat(view().eventCount()).isZero();
    configure(LONG_BTC);
    assertThat(view().eventCount()).isEqualTo(1);

    aBusyLife();

    assertThat(persisted).isGreaterThan(15);
    assertThat(view().eventCount()).isEqualTo(persisted);
    assertThat(bot.persistenceTestKit().persistedInStorage(PERSISTENCE_ID)).hasSize((int) persisted);
    // Ignored and refused commands add nothing.
    halt("again");
    release(2, "1");
    allocate(9, "-1");
    assertThat(view().eventCount()).isEqualTo(persisted);
  }

  @Test
  void aRestartedBotRecoversExactlyTheStateItTradedOnAndTradesOnAsIfItNeverStopped() {
    // The reference: the same life, no restart.
    aBusyLife();
    List<Event> referenceEvents = resumeAndTradeOn();
    BotState reference = bot.getState();
    assertThat(only(referenceEvents, OrderFilled.class)).as("the reference entered again").hasSize(1);

    freshBot();
    aBusyLife();
    BotState before = bot.getState();
    BotView viewBefore = view();

    var restarted = bot.restart();

    assertThat(restarted.state()).isEqualTo(before);
    assertThat(view()).isEqualTo(viewBefore);
    // Its market memory is gone with the old incarnation: it asks for its history, then trades on.
    resume();
    List<Bar> next = bars(List.of("121.00", "117.00", "115.00"));
    Evaluation stale = evaluate(++stepId, next);
    assertThat(stale.needsWarmUp()).isTrue();
    assertThat(stale.lastBarTimeMs()).isEqualTo(before.lastBarTimeMs());
    assertAck(warmUp(committed, true).reply());
    List<Event> events = new ArrayList<>(step(next));
    events.addAll(close("124.00"));

    assertThat(events).isEqualTo(referenceEvents);
    assertThat(bot.getState()).isEqualTo(reference);
    assertThat(only(events, OrderPlaced.class).get(0).order().orderId()).isEqualTo("long-07-o" + before.orderSeq());
  }

  @Test
  void aRetiredBotIsStillRetiredAfterARestart() {
    inALongPosition();
    BotState retired = retire(2).state();

    assertThat(bot.restart().state()).isEqualTo(retired);
    assertThat(errorOf(evaluate(++stepId, bars(List.of("130.00")), TradingState.ACTIVE).reply())).contains("retired");
  }

  @Test
  void aBotThatSnapshotsRecoversThroughItsLatestSnapshot() {
    freshBot(new BotSettings(4, Duration.ofMillis(200), Duration.ofSeconds(5)));
    SnapshotTestKit snapshots = bot.snapshotTestKit().orElseThrow();

    // Events 1..12: configure, allocate, the warm-up's observation, the entry (3 + observation), the rally's
    // observation, the exit (3 + observation). Snapshots are due at 4, 8 and 12; one due inside a batch is taken
    // after it (at 7), and the last two are kept.
    inALongPosition();
    closes(RALLY);
    close(CROSS_DOWN);
    BotState afterExit = bot.getState();
    assertThat(persisted).isEqualTo(12);
    Pair<SnapshotMeta, Object> latest = snapshots.persistedInStorage(PERSISTENCE_ID).stream()
        .max(Comparator.comparingLong(p -> p.first().sequenceNr())).orElseThrow();
    assertThat(latest.first().sequenceNr()).isEqualTo(12);
    assertThat(latest.second()).isEqualTo(afterExit);

    // One event after the snapshot: recovery is the snapshot plus a replay of event 13.
    release(2, "1000");
    BotState before = bot.getState();
    assertThat(bot.restart().state()).isEqualTo(before);
    assertThat(view().eventCount()).isEqualTo(13);

    // Without the journal's events the snapshot alone restores the bot as it was at event 12.
    bot.persistenceTestKit().clearByIdPreservingSeqNumbers(PERSISTENCE_ID);
    assertThat(bot.restart().state()).isEqualTo(afterExit);
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<T> list : lists) all.addAll(list);
    return all;
  }
}
