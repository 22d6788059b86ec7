package io.strikeswarm.master.diamond;

import static io.strikeswarm.master.support.Eventually.eventually;
import static io.strikeswarm.master.support.SwarmTestKit.bars;
import static io.strikeswarm.master.support.SwarmTestKit.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.capital.RebalanceSettings;
import io.strikeswarm.master.capital.Rebalancer;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotAction;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotEnlisted;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotSpec;
import io.strikeswarm.master.diamond.DiamondSupervisor.Command;
import io.strikeswarm.master.diamond.DiamondSupervisor.Event;
import io.strikeswarm.master.diamond.DiamondSupervisor.FundingSynced;
import io.strikeswarm.master.diamond.DiamondSupervisor.OpCompleted;
import io.strikeswarm.master.diamond.DiamondSupervisor.OpsScheduled;
import io.strikeswarm.master.support.Bots;
import io.strikeswarm.master.support.SwarmTestKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The long-strike diamond supervisor, driven command by command through the event-sourced testkit (every command,
 * reply, event and state is checked to survive Jackson CBOR and to come back equal) against real bot entities on
 * the same in-memory journal.
 */
@DisplayName("A diamond supervisor")
class DiamondSupervisorTest {
  private static final DiamondKind KIND = DiamondKind.LONG_STRIKE;
  private static final String PERSISTENCE_ID = DiamondSupervisor.persistenceId(KIND).id();
  private static final DiamondSupervisor.Settings SETTINGS = SwarmTestKit.diamondSettings();

  private ActorTestKit testKit;
  private Bots bots;
  private EventSourcedBehaviorTestKit<Command, Event, DiamondState> diamond;
  private long fundingVersion;

  @BeforeEach
  void start() {
    testKit = ActorTestKit.create("diamond-supervisor-test", SwarmTestKit.config(true));
    bots = new Bots(testKit.system());
    diamond = EventSourcedBehaviorTestKit.create(testKit.system(), DiamondSupervisor.create(KIND, SETTINGS, bots),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true));
    fundingVersion = 0;
  }

  @AfterEach
  void stop() {
    testKit.shutdownTestKit();
  }

  // ---- funding -----------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("on SyncFunding")
  class Funding {
    @Test
    @DisplayName("persists the master's cumulative funding and puts it in the pool")
    void newFundingLandsInThePool() {
      CommandResultWithReply<Command, Event, DiamondState, StatusReply<Done>> result =
          diamond.runCommand(r -> new DiamondSupervisor.SyncFunding(1, new BigDecimal("23750"), r));

      assertThat(result.reply().isSuccess()).isTrue();
      assertThat(result.events()).containsExactly(new FundingSynced(1, money("23750")));
      assertThat(result.state().fundingVersion()).isEqualTo(1);
      assertThat(result.state().ledger().funding()).isEqualTo(money("23750"));
      assertThat(result.state().ledger().pool()).isEqualTo(money("23750"));
      assertThat(result.state().ledger().balances()).isTrue();
    }

    @Test
    @DisplayName("acknowledges a version it has already seen without persisting anything")
    void aRepeatedVersionIsAcknowledgedOnly() {
      diamond.<StatusReply<Done>>runCommand(r -> new DiamondSupervisor.SyncFunding(2, new BigDecimal("1000"), r));

      var resent = diamond.<StatusReply<Done>>runCommand(
          r -> new DiamondSupervisor.SyncFunding(2, new BigDecimal("1000"), r));
      var older = diamond.<StatusReply<Done>>runCommand(
          r -> new DiamondSupervisor.SyncFunding(1, new BigDecimal("999999"), r));

      assertThat(resent.reply().isSuccess()).isTrue();
      assertThat(resent.hasNoEvents()).isTrue();
      assertThat(older.reply().isSuccess()).isTrue();
      assertThat(older.hasNoEvents()).isTrue();
      assertThat(older.state().ledger().funding()).isEqualTo(money("1000"));
      assertThat(older.state().fundingVersion()).isEqualTo(2);
    }

    @Test
    @DisplayName("refuses to give back more than its pool holds, and accepts a top-up")
    void cannotGiveBackAllocatedCapital() {
      fund("20000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      awaitIdle();

      var cut = diamond.<StatusReply<Done>>runCommand(
          r -> new DiamondSupervisor.SyncFunding(++fundingVersion, new BigDecimal("5000"), r));
      assertThat(cut.reply().isError()).isTrue();
      assertThat(cut.reply().getError().getMessage()).contains("cannot give back");
      assertThat(cut.hasNoEvents()).isTrue();

      var topUp = diamond.<StatusReply<Done>>runCommand(
          r -> new DiamondSupervisor.SyncFunding(++fundingVersion, new BigDecimal("22000"), r));
      assertThat(topUp.reply().isSuccess()).isTrue();
      assertThat(topUp.state().ledger().pool()).isEqualTo(money("2000"));
      assertThat(topUp.state().ledger().allocatedToBots()).isEqualTo(money("20000"));
      assertThat(topUp.state().ledger().balances()).isTrue();
    }
  }

  // ---- enlisting ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("on EnlistBots")
  class Enlisting {
    @Test
    @DisplayName("enlists the bots, schedules CONFIGURE then ALLOCATE of equal cent-rounded shares, and funds them")
    void enlistsConfiguresAndFunds() {
      fund("10000");
      BotSpec a = spec("long-01", "AAA", Side.LONG);
      BotSpec b = spec("long-02", "BBB", Side.LONG);
      BotSpec c = spec("long-03", "CCC", Side.LONG);

      var result = enlist(a, b, c);

      assertThat(result.reply().isSuccess()).isTrue();
      // The queue starts running as soon as it is persisted, so completions may already follow these four.
      assertThat(result.events().subList(0, 3)).containsExactly(new BotEnlisted("long-01", a.config()),
          new BotEnlisted("long-02", b.config()), new BotEnlisted("long-03", c.config()));
      OpsScheduled scheduled = (OpsScheduled) result.events().get(3);
      assertThat(scheduled.rebalance()).isFalse();
      assertThat(scheduled.ops())
          .extracting(BotOp::opId, BotOp::kind, BotOp::botId, BotOp::amount, BotOp::transferSeq)
          .containsExactly(
              tuple(1L, BotOp.Kind.CONFIGURE, "long-01", Money.ZERO, 0L),
              tuple(2L, BotOp.Kind.CONFIGURE, "long-02", Money.ZERO, 0L),
              tuple(3L, BotOp.Kind.CONFIGURE, "long-03", Money.ZERO, 0L),
              tuple(4L, BotOp.Kind.ALLOCATE, "long-01", money("3333.33"), 1L),
              tuple(5L, BotOp.Kind.ALLOCATE, "long-02", money("3333.33"), 2L),
              tuple(6L, BotOp.Kind.ALLOCATE, "long-03", money("3333.33"), 3L));
      assertThat(scheduled.ops().subList(0, 3)).extracting(BotOp::config)
          .containsExactly(a.config(), b.config(), c.config());

      awaitIdle();

      assertThat(eventsAfter(FundingSynced.class, BotEnlisted.class, OpsScheduled.class))
          .extracting(e -> ((OpCompleted) e).opId()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      DiamondView.Roster roster = roster();
      assertThat(roster.pendingOps()).isZero();
      assertThat(roster.bots()).extracting(RosterEntry::botId, RosterEntry::status).containsExactly(
          tuple("long-01", BotStatus.ACTIVE), tuple("long-02", BotStatus.ACTIVE), tuple("long-03", BotStatus.ACTIVE));
      DiamondLedger ledger = roster.ledger();
      assertThat(ledger.allocations()).containsOnly(Map.entry("long-01", money("3333.33")),
          Map.entry("long-02", money("3333.33")), Map.entry("long-03", money("3333.33")));
      assertThat(ledger.pool()).isEqualTo(money("0.01"));
      assertThat(ledger.balances()).isTrue();
      assertBooksAgreeWithBots(ledger);
      for (BotSpec spec : List.of(a, b, c)) {
        BotView view = bots.view(spec.botId());
        assertThat(view.status()).isEqualTo(BotStatus.ACTIVE);
        assertThat(view.config()).isEqualTo(spec.config());
        assertThat(view.cash()).isEqualTo(money("3333.33"));
      }
    }

    @Test
    @DisplayName("acknowledges bots already on its roster without doing anything")
    void reEnlistingIsIdempotent() {
      fund("10000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      awaitIdle();
      DiamondState before = diamond.getState();
      long botEvents = bots.view("long-01").eventCount();

      var again = enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));

      assertThat(again.reply().isSuccess()).isTrue();
      assertThat(again.hasNoEvents()).isTrue();
      assertThat(again.state()).isEqualTo(before);
      assertThat(bots.view("long-01").eventCount()).isEqualTo(botEvents);
    }

    @Test
    @DisplayName("refuses a bot whose id carries another diamond's prefix, and the whole batch with it")
    void refusesAForeignPrefix() {
      fund("10000");
      DiamondState before = diamond.getState();

      var foreign = enlist(spec("short-01", "AAA", Side.LONG));
      var mixed = enlist(spec("long-01", "AAA", Side.LONG), spec("amm-02", "BBB", Side.LONG));
      var noNumber = enlist(spec("longstrike01", "AAA", Side.LONG));

      for (var result : List.of(foreign, mixed, noNumber)) {
        assertThat(result.reply().isError()).isTrue();
        assertThat(result.reply().getError().getMessage()).contains("does not belong to long-strike");
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.state()).isEqualTo(before);
      }
    }

    @Test
    @DisplayName("refuses a bot configured with a strategy it does not know")
    void refusesAnUnknownStrategy() {
      fund("10000");
      DiamondState before = diamond.getState();
      BotConfig unknown = new BotConfig("buy-the-dip", Map.of(), "AAA", "paper", Side.LONG, BigDecimal.TEN,
          BigDecimal.ONE);

      var result = enlist(spec("long-01", "AAA", Side.LONG), new BotSpec("long-02", unknown));

      assertThat(result.reply().isError()).isTrue();
      assertThat(result.reply().getError().getMessage()).contains("long-02").contains("unknown strategy");
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(result.state()).isEqualTo(before);
    }
  }

  // ---- managing bots -----------------------------------------------------------------------------------------

  @Nested
  @DisplayName("on ManageBot")
  class Managing {
    @BeforeEach
    void twoFundedBots() {
      fund("20000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      awaitIdle();
    }

    @Test
    @DisplayName("pauses and resumes a bot once the bot has confirmed it")
    void pausesAndResumes() {
      var paused = manage("long-01", BotAction.PAUSE);

      assertThat(paused.reply().isSuccess()).isTrue();
      assertThat(paused.events()).hasSize(2);
      OpsScheduled scheduled = (OpsScheduled) paused.events().get(0);
      assertThat(scheduled.ops()).extracting(BotOp::kind, BotOp::botId, BotOp::origin)
          .containsExactly(tuple(BotOp.Kind.PAUSE, "long-01", "operator"));
      assertThat(paused.events().get(1)).isEqualTo(new OpCompleted(scheduled.ops().get(0).opId(), Money.ZERO));
      assertThat(paused.state().roster().get("long-01").status()).isEqualTo(BotStatus.PAUSED);
      assertThat(paused.state().pending()).isEmpty();
      assertThat(bots.view("long-01").status()).isEqualTo(BotStatus.PAUSED);

      var resumed = manage("long-01", BotAction.RESUME);

      assertThat(resumed.reply().isSuccess()).isTrue();
      assertThat(resumed.state().roster().get("long-01").status()).isEqualTo(BotStatus.ACTIVE);
      assertThat(bots.view("long-01").status()).isEqualTo(BotStatus.ACTIVE);
      assertThat(resumed.state().ledger()).isEqualTo(paused.state().ledger());
    }

    @Test
    @DisplayName("retires a bot: its capital returns to the pool and what differs from its allocation is realized")
    void retiresWithRealizedPnl() {
      // long-01 dips to 95, buys the crossing at 110 and is marked at 120 when it is retired.
      bots.feed("long-01", bars("AAA", 100, 100, 100, 95, 110, 120));
      BotView trading = bots.view("long-01");
      assertThat(trading.positions()).hasSize(1);
      DiamondLedger before = diamond.getState().ledger();
      BigDecimal allocation = before.allocationOf("long-01");

      var retired = manage("long-01", BotAction.RETIRE);

      assertThat(retired.reply().isSuccess()).isTrue();
      OpsScheduled scheduled = (OpsScheduled) retired.events().get(0);
      BotOp retire = scheduled.ops().get(0);
      assertThat(retire.kind()).isEqualTo(BotOp.Kind.RETIRE);
      assertThat(retire.transferSeq()).as("retiring is a transfer").isEqualTo(3L);
      BigDecimal returned = ((OpCompleted) retired.events().get(1)).amount();
      DiamondLedger after = retired.state().ledger();
      assertThat(after.allocations()).doesNotContainKey("long-01").containsKey("long-02");
      assertThat(after.pool()).isEqualTo(Money.normalize(before.pool().add(returned)));
      assertThat(after.realizedPnl()).isEqualTo(Money.normalize(returned.subtract(allocation)));
      assertThat(after.realizedPnl().signum()).as("the winner was retired at a profit").isPositive();
      assertThat(after.balances()).isTrue();
      assertThat(retired.state().roster().get("long-01").status()).isEqualTo(BotStatus.RETIRED);

      BotView gone = bots.view("long-01");
      assertThat(gone.status()).isEqualTo(BotStatus.RETIRED);
      assertThat(gone.positions()).isEmpty();
      assertThat(gone.cash()).isEqualTo(Money.ZERO);
      // What the diamond realizes is exactly the bot's own realized P&L, fees included.
      assertThat(after.realizedPnl()).isEqualTo(gone.realizedPnl());
      assertThat(bots.view("long-02").allocated()).isEqualTo(after.allocationOf("long-02"));
    }

    @Test
    @DisplayName("gets answers from its bots that can cross the network (bots live on other nodes)")
    void botAnswersAreSerializable() {
      bots.feed("long-01", bars("AAA", 100, 100, 100, 95, 110, 120));
      bots.feed("long-02", bars("BBB", 100, 100, 100, 95, 110, 115));
      assertThat(bots.view("long-02").positions()).isNotEmpty();
      manage("long-01", BotAction.RETIRE);

      // What the supervisor asks a bot for when it observes its roster.
      assertCrossesTheNetwork("GetState's BotView of a retired bot", bots.view("long-01"));
      assertCrossesTheNetwork("GetState's BotView of a bot holding a position", bots.view("long-02"));
      // What a bot answers to CONFIGURE, ALLOCATE, RELEASE, PAUSE, RESUME.
      assertCrossesTheNetwork("StatusReply<Done>", StatusReply.ack());
      // What a bot answers to RETIRE, here to a resent one (a retired bot repeats what it handed back).
      StatusReply<BotEntity.Retired> retired = AskPattern.<BotEntity.Command, StatusReply<BotEntity.Retired>>ask(
          bots.bot("long-01"), r -> new BotEntity.Retire(3, r), Duration.ofSeconds(5), testKit.system().scheduler())
          .toCompletableFuture().join();
      assertThat(retired.isSuccess()).isTrue();
      assertThat(retired.getValue().released()).isPositive();
      assertCrossesTheNetwork("Retire's StatusReply<Retired>", retired);
    }

    private void assertCrossesTheNetwork(String what, Object message) {
      assertThatCode(() -> testKit.serializationTestKit().verifySerialization(message, true)).as(what)
          .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("refuses any further step on a retired bot")
    void retiredIsFinal() {
      manage("long-02", BotAction.RETIRE);
      DiamondState before = diamond.getState();

      var result = manage("long-02", BotAction.RESUME);

      assertThat(result.reply().isError()).isTrue();
      assertThat(result.reply().getError().getMessage()).contains("retired");
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(result.state()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses a bot that is not on its roster")
    void unknownBot() {
      DiamondState before = diamond.getState();

      var result = manage("long-42", BotAction.PAUSE);

      assertThat(result.reply().isError()).isTrue();
      assertThat(result.reply().getError().getMessage()).contains("unknown bot long-42");
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(result.state()).isEqualTo(before);
    }
  }

  // ---- changing parameters -----------------------------------------------------------------------------------

  @Nested
  @DisplayName("on ChangeParameters")
  class ChangingParameters {
    @BeforeEach
    void twoFundedBots() {
      fund("20000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      awaitIdle();
    }

    @Test
    @DisplayName("persists a PARAMETERS step with the merged config, and the roster takes it once the bot has")
    void changesThroughTheQueue() {
      BotConfig before = diamond.getState().roster().get("long-01").config();
      DiamondLedger books = diamond.getState().ledger();

      var result = changeParameters("long-01", Map.of("long", "9"));

      assertThat(result.reply().isSuccess()).isTrue();
      BotConfig merged = before.withParameters(Map.of("short", "2", "long", "9"));
      OpsScheduled scheduled = (OpsScheduled) result.events().get(0);
      assertThat(scheduled.ops()).extracting(BotOp::kind, BotOp::botId, BotOp::config, BotOp::amount,
          BotOp::transferSeq, BotOp::origin)
          .containsExactly(tuple(BotOp.Kind.PARAMETERS, "long-01", merged, Money.ZERO, 0L, "operator"));
      assertThat(result.events().get(1)).isEqualTo(new OpCompleted(scheduled.ops().get(0).opId(), Money.ZERO));
      assertThat(result.state().roster().get("long-01").config()).isEqualTo(merged);
      assertThat(result.state().roster().get("long-01").status()).isEqualTo(BotStatus.ACTIVE);
      assertThat(result.state().roster().get("long-02").config().parameters()).containsEntry("long", "4");
      assertThat(result.state().ledger()).as("no capital moves").isEqualTo(books);
      assertThat(bots.view("long-01").config()).isEqualTo(merged);
    }

    @Test
    @DisplayName("merges a change over one still queued, so both take effect")
    void changesInQuickSuccession() {
      bots.gate("long-01", 0);
      var firstReply = testKit.<StatusReply<Done>>createTestProbe();
      diamond.runCommand(new DiamondSupervisor.ChangeParameters("long-01", Map.of("short", "3"), firstReply.ref()));
      bots.awaitHeld("long-01", 1);
      var secondReply = testKit.<StatusReply<Done>>createTestProbe();
      var second = diamond.runCommand(
          new DiamondSupervisor.ChangeParameters("long-01", Map.of("long", "8"), secondReply.ref()));
      assertThat(second.state().pending()).extracting(BotOp::config).extracting(BotConfig::parameters)
          .containsExactly(Map.of("short", "3", "long", "4"), Map.of("short", "3", "long", "8"));

      bots.open("long-01");

      assertThat(firstReply.receiveMessage().isSuccess()).isTrue();
      assertThat(secondReply.receiveMessage().isSuccess()).isTrue();
      awaitIdle();
      assertThat(diamond.getState().roster().get("long-01").config().parameters())
          .containsExactly(Map.entry("long", "8"), Map.entry("short", "3"));
      assertThat(bots.view("long-01").config().parameters()).isEqualTo(Map.of("short", "3", "long", "8"));
    }

    @Test
    @DisplayName("acknowledges parameters the bot already has without persisting anything")
    void sameParameters() {
      DiamondState before = diamond.getState();

      var result = changeParameters("long-02", Map.of("short", "2"));

      assertThat(result.reply().isSuccess()).isTrue();
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(result.state()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses parameters the strategy cannot take, naming the parameter, and changes nothing")
    void refusesBadParameters() {
      DiamondState before = diamond.getState();
      long botEvents = bots.view("long-01").eventCount();

      var text = changeParameters("long-01", Map.of("short", "abc"));
      var crossed = changeParameters("long-01", Map.of("short", "4"));
      var unknown = changeParameters("long-01", Map.of("window", "5"));
      var nothing = changeParameters("long-01", Map.of());

      assertThat(text.reply().getError().getMessage()).isEqualTo("parameters.short: must be a whole number, got 'abc'");
      assertThat(crossed.reply().getError().getMessage())
          .isEqualTo("parameters.long: must be a whole number greater than short (4) and at most 1000, got '4'");
      assertThat(unknown.reply().getError().getMessage()).startsWith("parameters.window: is not a parameter");
      assertThat(nothing.reply().getError().getMessage()).startsWith("parameters: ");
      for (var result : List.of(text, crossed, unknown, nothing)) {
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.state()).isEqualTo(before);
      }
      assertThat(bots.view("long-01").eventCount()).isEqualTo(botEvents);
    }

    @Test
    @DisplayName("refuses a bot that is not on its roster, and a retired one")
    void refusesUnknownAndRetiredBots() {
      manage("long-02", BotAction.RETIRE);
      DiamondState before = diamond.getState();

      var unknown = changeParameters("long-42", Map.of("short", "3"));
      var retired = changeParameters("long-02", Map.of("short", "3"));

      assertThat(unknown.reply().getError().getMessage()).isEqualTo("unknown bot long-42 in long-strike");
      assertThat(retired.reply().getError().getMessage())
          .isEqualTo("bot long-02 is retired; its parameters cannot be changed");
      for (var result : List.of(unknown, retired)) {
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.state()).isEqualTo(before);
      }
    }
  }

  // ---- giving capital back -----------------------------------------------------------------------------------

  @Nested
  @DisplayName("on ReturnCapital")
  class GivingBack {
    @BeforeEach
    void twoFundedBotsAndSomePool() {
      // 20,000 to the bots, 1,000 left in the pool.
      fund("20000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      awaitIdle();
      fund("21000");
    }

    @Test
    @DisplayName("gives from its pool first, without touching its bots")
    void fromThePool() {
      var result = giveBack(7, "600");

      assertThat(result.reply().getValue()).isEqualTo(new DiamondView.Returned(KIND, 7, money("600"), money("600")));
      assertThat(result.events()).containsExactly(new DiamondSupervisor.GiveBackRequested(7, money("600")),
          new DiamondSupervisor.GiveBackCompleted(7, money("600")));
      DiamondLedger ledger = result.state().ledger();
      assertThat(ledger.funding()).isEqualTo(money("20400"));
      assertThat(ledger.pool()).isEqualTo(money("400"));
      assertThat(ledger.allocatedToBots()).isEqualTo(money("20000"));
      assertThat(ledger.balances()).isTrue();
      assertThat(result.state().givingBack()).isFalse();
    }

    @Test
    @DisplayName("releases the rest from its bots in proportion to their allocations, and only then gives it back")
    void fromTheBots() {
      var result = giveBack(3, "5000");

      assertThat(result.reply().getValue().returned()).isEqualTo(money("5000"));
      List<Event> events = result.events();
      assertThat(events.get(0)).isEqualTo(new DiamondSupervisor.GiveBackRequested(3, money("5000")));
      var releasing = (DiamondSupervisor.GiveBackReleasing) events.get(1);
      assertThat(releasing.releases()).extracting(BotOp::kind, BotOp::botId, BotOp::amount, BotOp::origin)
          .containsExactly(tuple(BotOp.Kind.RELEASE, "long-01", money("2000"), "give-back-3"),
              tuple(BotOp.Kind.RELEASE, "long-02", money("2000"), "give-back-3"));
      assertThat(releasing.releases()).extracting(BotOp::transferSeq).containsExactly(3L, 4L);
      assertThat(events.get(events.size() - 1)).isEqualTo(new DiamondSupervisor.GiveBackCompleted(3, money("5000")));
      DiamondLedger ledger = result.state().ledger();
      assertThat(ledger.funding()).isEqualTo(money("16000"));
      assertThat(ledger.pool()).isEqualTo(Money.ZERO);
      assertThat(ledger.allocations()).containsOnly(Map.entry("long-01", money("8000")),
          Map.entry("long-02", money("8000")));
      assertThat(ledger.balances()).isTrue();
      assertBooksAgreeWithBots(ledger);
    }

    @Test
    @DisplayName("gives back what it could when bots hold the rest in positions, and says how much")
    void shortWhenBotsHoldPositions() {
      // long-01 buys the crossing at 110 with its capital and is marked at 120: little of it is free.
      bots.feed("long-01", bars("AAA", 100, 100, 100, 95, 110, 120));
      BigDecimal free = bots.view("long-01").releasable();
      assertThat(free).isLessThan(money("1000"));

      var result = giveBack(4, "15000");

      DiamondView.Returned returned = result.reply().getValue();
      BigDecimal expected = Money.normalize(money("1000").add(money("10000"))
          .add(free.setScale(2, java.math.RoundingMode.DOWN)));
      assertThat(returned.asked()).isEqualTo(money("15000"));
      assertThat(returned.returned()).isEqualTo(expected);
      DiamondLedger ledger = result.state().ledger();
      assertThat(ledger.funding()).isEqualTo(Money.normalize(money("21000").subtract(expected)));
      assertThat(ledger.allocationOf("long-02")).isEqualTo(Money.ZERO);
      assertThat(ledger.balances()).isTrue();
      assertBooksAgreeWithBots(ledger);
      assertThat(bots.view("long-01").positions()).as("no position is touched").hasSize(1);
    }

    @Test
    @DisplayName("answers a resent request with what it returned, without giving anything twice")
    void resendIsIdempotent() {
      giveBack(5, "5000");
      DiamondState before = diamond.getState();

      var again = giveBack(5, "5000");

      assertThat(again.reply().getValue()).isEqualTo(new DiamondView.Returned(KIND, 5, money("5000"), money("5000")));
      assertThat(again.hasNoEvents()).isTrue();
      assertThat(again.state()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses to give back nothing, more than it was funded with, or for an older request")
    void refusals() {
      giveBack(5, "100");
      DiamondState before = diamond.getState();

      var zero = giveBack(6, "0");
      var tooMuch = giveBack(6, "30000");
      var older = giveBack(4, "100");

      assertThat(zero.reply().getError().getMessage()).isEqualTo("amount: must be > 0, got 0");
      assertThat(tooMuch.reply().getError().getMessage()).contains("amount: diamond long-strike is funded with");
      assertThat(older.reply().getError().getMessage()).contains("older than the last one, 5");
      for (var result : List.of(zero, tooMuch, older)) {
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.state()).isEqualTo(before);
      }
    }

    @Test
    @DisplayName("does not rebalance while it gives back, and resumes a give-back after a restart, releasing once")
    void restartMidway() {
      bots.gate("long-02", 1); // lets the supervisor's question through, holds the RELEASE
      var master = testKit.<StatusReply<DiamondView.Returned>>createTestProbe();
      diamond.runCommand(new DiamondSupervisor.ReturnCapital(9, new BigDecimal("5000"), master.ref()));
      bots.awaitHeld("long-02", 1);
      eventually(() -> assertThat(diamond.getState().head()).hasValueSatisfying(op -> {
        assertThat(op.kind()).isEqualTo(BotOp.Kind.RELEASE);
        assertThat(op.botId()).isEqualTo("long-02");
      }));
      DiamondState midway = diamond.getState();
      assertThat(midway.givingBack()).isTrue();
      assertThat(midway.ledger().funding()).as("nothing is given back before it is back").isEqualTo(money("21000"));

      DiamondState recovered = diamond.restart().state();
      assertThat(recovered).isEqualTo(midway);
      var rebalance = diamond.<StatusReply<DiamondView.RebalanceResult>>runCommand(DiamondSupervisor.Rebalance::new);
      assertThat(rebalance.reply().getError().getMessage()).contains("busy");

      bots.awaitHeld("long-02", 2);
      bots.open("long-02");
      var resent = giveBack(9, "5000");

      assertThat(resent.reply().getValue().returned()).isEqualTo(money("5000"));
      DiamondLedger ledger = diamond.getState().ledger();
      assertThat(ledger.funding()).isEqualTo(money("16000"));
      assertThat(ledger.allocations()).containsOnly(Map.entry("long-01", money("8000")),
          Map.entry("long-02", money("8000")));
      assertBooksAgreeWithBots(ledger);
      assertThat(bots.view("long-02").eventCount()).as("configured, funded, released once").isEqualTo(3);
    }

    private CommandResultWithReply<Command, Event, DiamondState, StatusReply<DiamondView.Returned>> giveBack(
        long requestId, String amount) {
      return diamond.runCommand(r -> new DiamondSupervisor.ReturnCapital(requestId, new BigDecimal(amount), r));
    }
  }

  // ---- rebalancing -------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("on Rebalance")
  class Rebalancing {
    @BeforeEach
    void fourFundedBots() {
      fund("40000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG),
          spec("long-03", "CCC", Side.LONG), spec("long-04", "DDD", Side.LONG));
      awaitIdle();
    }

    @Test
    @DisplayName("moves capital from the worst to the best performers, within bounds, and the books stay exact")
    void movesCapitalFromWorstToBest() {
      // All four dip to 95 and buy the crossing at 110; then AAA runs to 140 and BBB to 120, while DDD sags and
      // exits at 106 and CCC drops and exits at 90.
      bots.feed("long-01", bars("AAA", 100, 100, 100, 95, 110, 120, 130, 140));
      bots.feed("long-02", bars("BBB", 100, 100, 100, 95, 110, 115, 118, 120));
      bots.feed("long-03", bars("CCC", 100, 100, 100, 95, 110, 100, 90, 85));
      bots.feed("long-04", bars("DDD", 100, 100, 100, 95, 110, 108, 107, 106));
      Map<String, BotView> views = views("long-01", "long-02", "long-03", "long-04");
      assertThat(views.get("long-01").positions()).hasSize(1);
      assertThat(views.get("long-02").positions()).hasSize(1);
      assertThat(views.get("long-03").positions()).isEmpty();
      assertThat(views.get("long-04").positions()).isEmpty();
      List<Rebalancer.Performance> performance = views.values().stream()
          .map(v -> new Rebalancer.Performance(v.botId(), v.equity(), v.returnOnCapital(), v.releasable()))
          .toList();
      Rebalancer.Bounds bounds = Rebalancer.bounds(performance, SETTINGS.rebalance());
      DiamondLedger before = diamond.getState().ledger();

      var result = diamond.<StatusReply<DiamondView.RebalanceResult>>runCommand(DiamondSupervisor.Rebalance::new);

      assertThat(result.reply().isSuccess()).isTrue();
      DiamondView.RebalanceResult plan = result.reply().getValue();
      assertThat(plan.transfers()).as("the supervisor plans on what its bots report")
          .isEqualTo(Rebalancer.plan(performance, SETTINGS.rebalance()));
      assertThat(plan.transfers()).extracting(Rebalancer.Transfer::from, Rebalancer.Transfer::to)
          .containsExactly(tuple("long-03", "long-01"), tuple("long-04", "long-02"));
      assertThat(plan.moved()).isEqualTo(Money.normalize(
          plan.transfers().stream().map(Rebalancer.Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
      for (Rebalancer.Transfer t : plan.transfers()) {
        assertThat(t.amount()).isPositive().isLessThanOrEqualTo(views.get(t.from()).releasable());
        assertThat(views.get(t.from()).equity().subtract(t.amount())).isGreaterThanOrEqualTo(bounds.min());
        assertThat(views.get(t.to()).equity().add(t.amount())).isLessThanOrEqualTo(bounds.max());
      }

      awaitIdle();

      DiamondState after = diamond.getState();
      assertThat(after.rebalances()).isEqualTo(1);
      OpsScheduled scheduled = eventsAfter().stream().filter(OpsScheduled.class::isInstance)
          .map(OpsScheduled.class::cast).reduce((x, y) -> y).orElseThrow();
      assertThat(scheduled.rebalance()).isTrue();
      assertThat(scheduled.ops()).extracting(BotOp::kind, BotOp::botId, BotOp::origin).containsExactly(
          tuple(BotOp.Kind.RELEASE, "long-03", "rebalance-1"), tuple(BotOp.Kind.ALLOCATE, "long-01", "rebalance-1"),
          tuple(BotOp.Kind.RELEASE, "long-04", "rebalance-1"), tuple(BotOp.Kind.ALLOCATE, "long-02", "rebalance-1"));
      DiamondLedger ledger = after.ledger();
      assertThat(ledger.pool()).isEqualTo(before.pool());
      assertThat(ledger.allocatedToBots()).isEqualTo(before.allocatedToBots());
      for (Rebalancer.Transfer t : plan.transfers()) {
        assertThat(ledger.allocationOf(t.from())).isEqualTo(Money.normalize(before.allocationOf(t.from())
            .subtract(t.amount())));
        assertThat(ledger.allocationOf(t.to())).isEqualTo(Money.normalize(before.allocationOf(t.to())
            .add(t.amount())));
      }
      assertThat(ledger.balances()).isTrue();
      assertBooksAgreeWithBots(ledger);
      Map<String, BotView> moved = views("long-01", "long-02", "long-03", "long-04");
      for (Rebalancer.Transfer t : plan.transfers()) {
        assertThat(moved.get(t.from()).equity()).isGreaterThanOrEqualTo(bounds.min());
        assertThat(moved.get(t.to()).equity()).isLessThanOrEqualTo(bounds.max());
      }
    }

    @Test
    @DisplayName("moves nothing when no bot has done better than another")
    void nothingToMove() {
      DiamondState before = diamond.getState();

      var result = diamond.<StatusReply<DiamondView.RebalanceResult>>runCommand(DiamondSupervisor.Rebalance::new);

      assertThat(result.reply().isSuccess()).isTrue();
      assertThat(result.reply().getValue().transfers()).isEmpty();
      assertThat(result.reply().getValue().moved()).isEqualTo(Money.ZERO);
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(result.state()).isEqualTo(before);
    }

    @Test
    @DisplayName("is refused while bot operations are still in flight")
    void busyWhileOpsPending() {
      bots.gate("long-04", 0);
      // long-04 is slow to answer: its PAUSE stays in flight.
      var slow = testKit.<StatusReply<Done>>createTestProbe();
      var pending = diamond.runCommand(new DiamondSupervisor.ManageBot("long-04", BotAction.PAUSE, slow.ref()));
      bots.awaitHeld("long-04", 1);
      assertThat(pending.state().pending()).hasSize(1);
      DiamondState before = diamond.getState();

      var refused = diamond.<StatusReply<DiamondView.RebalanceResult>>runCommand(DiamondSupervisor.Rebalance::new);

      assertThat(refused.reply().isError()).isTrue();
      assertThat(refused.reply().getError().getMessage()).contains("busy");
      assertThat(refused.hasNoEvents()).isTrue();
      assertThat(refused.state()).isEqualTo(before);

      bots.open("long-04");
      assertThat(slow.receiveMessage(Duration.ofSeconds(5)).isSuccess()).isTrue();
      awaitIdle();
      var accepted = diamond.<StatusReply<DiamondView.RebalanceResult>>runCommand(DiamondSupervisor.Rebalance::new);
      assertThat(accepted.reply().isSuccess()).isTrue();
    }
  }

  @Nested
  @DisplayName("with a rebalance interval")
  class Periodic {
    @Test
    @DisplayName("rebalances on its own, and its books still match its bots")
    void rebalancesOnATimer() {
      var every = new RebalanceSettings(SETTINGS.rebalance().step(), 5, SETTINGS.rebalance().minFactor(),
          SETTINGS.rebalance().maxFactor(), Duration.ofMillis(300));
      var settings = new DiamondSupervisor.Settings(SETTINGS.askTimeout(), SETTINGS.retryMin(), SETTINGS.retryMax(),
          every);
      ActorRef<Command> shorts = testKit.spawn(DiamondSupervisor.create(DiamondKind.SHORT_STRIKE, settings, bots));
      var acks = testKit.<StatusReply<Done>>createTestProbe();
      shorts.tell(new DiamondSupervisor.SyncFunding(1, new BigDecimal("20000"), acks.ref()));
      shorts.tell(new DiamondSupervisor.EnlistBots(List.of(spec("short-01", "XXX", Side.SHORT),
          spec("short-02", "YYY", Side.SHORT)), acks.ref()));
      assertThat(acks.receiveMessage().isSuccess()).isTrue();
      assertThat(acks.receiveMessage().isSuccess()).isTrue();
      eventually(() -> assertThat(roster(shorts).ledger().allocatedToBots()).isEqualTo(money("20000")));

      // Both sell the crossing down at 90; XXX keeps falling (a winner for a short), YYY rallies and exits at 105.
      bots.feed("short-01", bars("XXX", 100, 100, 100, 105, 90, 80, 75));
      bots.feed("short-02", bars("YYY", 100, 100, 100, 105, 90, 100, 105));

      eventually(() -> {
        DiamondView.Roster roster = roster(shorts);
        assertThat(roster.rebalances()).isPositive();
        assertThat(roster.pendingOps()).isZero();
        assertThat(roster.ledger().allocationOf("short-01")).isGreaterThan(money("10000"));
        assertThat(roster.ledger().balances()).isTrue();
        assertBooksAgreeWithBots(roster.ledger());
      });
    }

    private DiamondView.Roster roster(ActorRef<Command> diamond) {
      var probe = testKit.<DiamondView.Roster>createTestProbe();
      diamond.tell(new DiamondSupervisor.GetRoster(probe.ref()));
      return probe.receiveMessage();
    }
  }

  // ---- recovery ----------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("after a restart")
  class Recovery {
    @Test
    @DisplayName("recovers exactly the state it had before")
    void recoversTheSameState() {
      fund("30000");
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG),
          spec("long-03", "CCC", Side.LONG));
      awaitIdle();
      bots.feed("long-01", bars("AAA", 100, 100, 100, 95, 110, 130));
      bots.feed("long-02", bars("BBB", 100, 100, 100, 95, 110, 95));
      diamond.runCommand(DiamondSupervisor.Rebalance::new);
      awaitIdle();
      manage("long-03", BotAction.PAUSE);
      manage("long-02", BotAction.RETIRE);
      DiamondState before = diamond.getState();
      assertThat(before.rebalances()).isEqualTo(1);
      assertThat(before.ledger().realizedPnl().signum()).isNotZero();

      DiamondState recovered = diamond.restart().state();

      assertThat(recovered).isEqualTo(before);
      assertThat(roster().ledger()).isEqualTo(before.ledger());
    }

    @Test
    @DisplayName("resends the transfer that was in flight, and the bot applies it exactly once")
    void inFlightTransferAppliedOnce() {
      fund("20000");
      // long-01 takes its CONFIGURE, then stops answering: its ALLOCATE is in flight when the supervisor restarts.
      bots.gate("long-01", 1);
      enlist(spec("long-01", "AAA", Side.LONG), spec("long-02", "BBB", Side.LONG));
      bots.awaitHeld("long-01", 1);
      eventually(() -> assertThat(diamond.getState().head()).hasValueSatisfying(op -> {
        assertThat(op.kind()).isEqualTo(BotOp.Kind.ALLOCATE);
        assertThat(op.botId()).isEqualTo("long-01");
      }));
      DiamondState before = diamond.getState();

      DiamondState recovered = diamond.restart().state();

      assertThat(recovered).isEqualTo(before);
      bots.awaitHeld("long-01", 2);
      bots.open("long-01");
      awaitIdle();
      DiamondLedger ledger = diamond.getState().ledger();
      assertThat(ledger.allocations()).containsOnly(Map.entry("long-01", money("10000")),
          Map.entry("long-02", money("10000")));
      assertThat(ledger.balances()).isTrue();
      BotView once = bots.view("long-01");
      assertThat(once.allocated()).isEqualTo(money("10000"));
      assertThat(once.eventCount()).as("configured, then funded once").isEqualTo(2);
      assertBooksAgreeWithBots(ledger);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private void fund(String amount) {
    long version = ++fundingVersion;
    var result = diamond.<StatusReply<Done>>runCommand(
        r -> new DiamondSupervisor.SyncFunding(version, new BigDecimal(amount), r));
    assertThat(result.reply().isSuccess()).isTrue();
  }

  private CommandResultWithReply<Command, Event, DiamondState, StatusReply<Done>> enlist(BotSpec... specs) {
    return diamond.runCommand(r -> new DiamondSupervisor.EnlistBots(List.of(specs), r));
  }

  private CommandResultWithReply<Command, Event, DiamondState, StatusReply<Done>> manage(String botId,
      BotAction action) {
    return diamond.runCommand(r -> new DiamondSupervisor.ManageBot(botId, action, r));
  }

  private CommandResultWithReply<Command, Event, DiamondState, StatusReply<Done>> changeParameters(String botId,
      Map<String, String> parameters) {
    return diamond.runCommand(r -> new DiamondSupervisor.ChangeParameters(botId, parameters, r));
  }

  private DiamondView.Roster roster() {
    return diamond.<DiamondView.Roster>runCommand(DiamondSupervisor.GetRoster::new).reply();
  }

  private void awaitIdle() {
    eventually(() -> assertThat(diamond.getState().pending()).as("operations in flight").isEmpty());
  }

  private List<Object> eventsAfter(Class<?>... skipped) {
    Set<Class<?>> skip = Set.of(skipped);
    return diamond.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).stream()
        .filter(e -> !skip.contains(e.getClass())).collect(Collectors.toList());
  }

  private Map<String, BotView> views(String... botIds) {
    Map<String, BotView> views = new TreeMap<>();
    for (String id : botIds) views.put(id, bots.view(id));
    return views;
  }

  /** Every bot the ledger funds holds exactly what the ledger says it was given. */
  private void assertBooksAgreeWithBots(DiamondLedger ledger) {
    List<String> mismatches = new ArrayList<>();
    ledger.allocations().forEach((botId, allocation) -> {
      BigDecimal allocated = bots.view(botId).allocated();
      if (!allocated.equals(allocation)) mismatches.add(botId + ": ledger " + allocation + ", bot " + allocated);
    });
    assertThat(mismatches).isEmpty();
  }

  private static BigDecimal money(String amount) {
    return Money.of(amount);
  }

}
