package io.strikeswarm.master;

import static io.strikeswarm.master.support.SwarmTestKit.bars;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.master.capital.AllocationResult;
import io.strikeswarm.master.capital.AllocationResult.DiamondFunding;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.support.MasterHarness;
import io.strikeswarm.master.support.SwarmTestKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An operator changes the diamond weights and the reserve of a running swarm: master, three supervisors and real
 * bots, every event and message serialized.
 */
@DisplayName("The master, on ChangeAllocation")
class MasterReallocationTest {
  /** 100,000 with a 5% reserve; long 25%, short 25%, AMM 50% of the rest; 4 long bots, 3 short, no AMM bots. */
  private static final SwarmConfig CONFIG = SwarmTestKit.swarm("100000", "0.05", "0.25", "0.25", "0.5", 4, 3, 0);
  /** Long shrinks to 10%, short grows to 40%, the reserve doubles to 10%. */
  private static final Map<DiamondKind, BigDecimal> SHIFT = weights("0.10", "0.40", "0.50");
  private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

  private MasterHarness swarm;
  private ActorRef<Master.Command> master;

  @BeforeEach
  void start() {
    swarm = new MasterHarness("master-reallocation-test", CONFIG);
    master = swarm.start("master-1");
    swarm.awaitRostersComplete(master);
  }

  @AfterEach
  void stop() {
    swarm.close();
  }

  @Test
  @DisplayName("takes capital back from the shrinking diamond's bots, then grows the reserve and the other diamond")
  void movesCapitalToTheNewWeights() {
    SwarmConfig next = CONFIG.withAllocation(SHIFT, TEN_PERCENT);
    MasterLedger target = MasterLedger.initial(next);

    StatusReply<AllocationResult> reply = change(SHIFT, TEN_PERCENT);

    assertThat(reply.isSuccess()).as(String.valueOf(reply)).isTrue();
    AllocationResult result = reply.getValue();
    assertThat(result.complete()).isTrue();
    assertThat(result.shortfalls()).isEmpty();
    assertThat(result.ledger()).isEqualTo(target);
    assertThat(result.reserveTarget()).isEqualTo(money("10000"));
    assertThat(result.diamonds()).containsExactly(
        Map.entry(DiamondKind.LONG_STRIKE, new DiamondFunding(money("23750"), money("9000"), money("9000"),
            money("14750"), money("14750"))),
        Map.entry(DiamondKind.SHORT_STRIKE, new DiamondFunding(money("23750"), money("36000"), money("36000"),
            Money.ZERO, Money.ZERO)),
        Map.entry(DiamondKind.AMM, new DiamondFunding(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO)));

    SwarmView view = swarm.swarm(master);
    assertThat(view.config()).as("GetSwarm shows the operator's weights and reserve").isEqualTo(next);
    assertThat(view.ledger()).isEqualTo(target);
    assertThat(view.ledgerBalances()).isTrue();
    assertThat(view.reallocation()).isNull();

    DiamondView.Roster longs = swarm.roster(master, DiamondKind.LONG_STRIKE);
    assertThat(longs.ledger().funding()).isEqualTo(money("9000"));
    assertThat(longs.ledger().allocations().values()).as("each gave back in proportion").containsOnly(money("2250"));
    assertThat(longs.ledger().pool()).isEqualTo(Money.ZERO);
    DiamondView.Roster shorts = swarm.roster(master, DiamondKind.SHORT_STRIKE);
    assertThat(shorts.ledger().funding()).isEqualTo(money("36000"));
    assertThat(shorts.ledger().pool()).as("the increase lands in the pool").isEqualTo(money("12250.02"));
    for (DiamondView.Roster roster : List.of(longs, shorts)) {
      assertThat(roster.ledger().balances()).isTrue();
      assertThat(roster.pendingOps()).isZero();
      swarm.assertBotsHoldTheirAllocations(roster.ledger());
    }

    assertThat(swarm.masterEvents()).containsExactly(new Master.SwarmInitialized(CONFIG, MasterLedger.initial(CONFIG)),
        new Master.AllocationChanged(2, next.weights(), TEN_PERCENT, target),
        new Master.CapitalReturned(2, DiamondKind.LONG_STRIKE, money("14750")),
        new Master.AllocationSettled(2, target));
    assertEveryPersistedStepBalances();
  }

  @Test
  @DisplayName("settles at once when nothing has to come back, and moves no bot's capital")
  void onlyIncreases() {
    Map<String, Integer> diamondEventsBefore = swarm.journalSizes();

    StatusReply<AllocationResult> reply = change(null, BigDecimal.ZERO);

    assertThat(reply.getValue().complete()).isTrue();
    assertThat(reply.getValue().ledger().reserve()).isEqualTo(Money.ZERO);
    assertThat(reply.getValue().ledger().funding()).containsEntry(DiamondKind.LONG_STRIKE, money("25000"))
        .containsEntry(DiamondKind.SHORT_STRIKE, money("25000"));
    assertThat(swarm.masterEvents()).hasSize(3).last().isInstanceOf(Master.AllocationSettled.class);
    DiamondView.Roster longs = swarm.roster(master, DiamondKind.LONG_STRIKE);
    assertThat(longs.ledger().pool()).isEqualTo(money("1250"));
    assertThat(longs.ledger().allocations().values()).containsOnly(money("5937.50"));
    assertThat(swarm.diamondEvents(DiamondKind.LONG_STRIKE))
        .hasSize(diamondEventsBefore.get(DiamondSupervisor.persistenceId(DiamondKind.LONG_STRIKE).id()) + 1)
        .last().isInstanceOf(DiamondSupervisor.FundingSynced.class);
    assertEveryPersistedStepBalances();
  }

  @Test
  @DisplayName("gives back what bots in positions can release, and the reply says what fell short")
  void shortWhenBotsHoldPositions() {
    // Every long bot buys the crossing at 110 and is marked at 120: its capital is in the position.
    for (String bot : List.of("long-01", "long-03")) swarm.bots.feed(bot, bars("BTC-USD", 100, 100, 100, 95, 110, 120));
    for (String bot : List.of("long-02", "long-04")) swarm.bots.feed(bot, bars("ETH-USD", 100, 100, 100, 95, 110, 120));
    DiamondLedger before = swarm.roster(master, DiamondKind.LONG_STRIKE).ledger();

    StatusReply<AllocationResult> reply = change(weights("0", "0.5", "0.5"), null);

    AllocationResult result = reply.getValue();
    DiamondFunding longs = result.diamonds().get(DiamondKind.LONG_STRIKE);
    assertThat(result.complete()).isFalse();
    assertThat(longs.asked()).isEqualTo(money("23750"));
    assertThat(longs.returned()).isLessThan(longs.asked());
    assertThat(longs.actual()).isEqualTo(Money.normalize(longs.before().subtract(longs.returned())));
    assertThat(longs.target()).isEqualTo(Money.ZERO);
    assertThat(result.shortfalls()).singleElement().asString()
        .startsWith("long-strike: gave back ").contains("of 23750.00 (its bots could not release the rest)");
    assertThat(result.diamonds().get(DiamondKind.SHORT_STRIKE).actual()).isEqualTo(money("47500"));
    assertThat(result.ledger().balances()).isTrue();
    assertThat(swarm.swarm(master).ledger()).isEqualTo(result.ledger());

    DiamondLedger after = swarm.roster(master, DiamondKind.LONG_STRIKE).ledger();
    assertThat(after.funding()).isEqualTo(longs.actual());
    assertThat(Money.normalize(before.allocatedToBots().subtract(after.allocatedToBots())))
        .as("what the bots released is what went back").isEqualTo(longs.returned());
    assertThat(after.balances()).isTrue();
    swarm.assertBotsHoldTheirAllocations(after);
    for (String bot : List.of("long-01", "long-02", "long-03", "long-04")) {
      assertThat(swarm.bots.view(bot).positions()).as("%s keeps its position", bot).hasSize(1);
    }
    assertEveryPersistedStepBalances();
  }

  @Test
  @DisplayName("refuses bad weights or a bad reserve before persisting anything, naming the field")
  void refusals() {
    SwarmView before = swarm.swarm(master);
    Map<String, Integer> journals = swarm.journalSizes();
    Map<DiamondKind, BigDecimal> missing = new HashMap<>();
    missing.put(DiamondKind.AMM, null);

    assertThat(refusal(weights("1.2", "0", "-0.2"), null)).isEqualTo("weights.long-strike: must be in [0, 1], got 1.2");
    assertThat(refusal(weights("0.25", "0.25", "0.40"), null)).startsWith("weights: must sum to 1, got 0.90");
    assertThat(refusal(missing, null)).isEqualTo("weights.amm: must be in [0, 1], got nothing");
    assertThat(refusal(null, new BigDecimal("-0.1"))).isEqualTo("reserve: must be in [0, 1), got -0.1");
    assertThat(refusal(SHIFT, BigDecimal.ONE)).isEqualTo("reserve: must be in [0, 1), got 1");
    assertThat(refusal(null, null)).startsWith("allocation: ");

    assertThat(swarm.swarm(master)).isEqualTo(before);
    assertThat(swarm.journalSizes()).isEqualTo(journals);
  }

  @Test
  @DisplayName("answers a change already in force without doing anything")
  void repeatIsANoOp() {
    AllocationResult first = change(SHIFT, TEN_PERCENT).getValue();
    Map<String, Integer> journals = swarm.journalSizes();

    StatusReply<AllocationResult> again = change(SHIFT, TEN_PERCENT);

    assertThat(again.getValue().complete()).isTrue();
    assertThat(again.getValue().ledger()).isEqualTo(first.ledger());
    assertThat(swarm.journalSizes()).isEqualTo(journals);
  }

  @Test
  @DisplayName("restarted midway, finishes the re-allocation; a different change waits, the same one gets the answer")
  void restartMidway() {
    // long-01 answers the supervisor's question, then holds its RELEASE: the give-back stalls there.
    swarm.bots.gate("long-01", 1);
    var lost = swarm.testKit.<StatusReply<AllocationResult>>createTestProbe();
    master.tell(new Master.ChangeAllocation(SHIFT, TEN_PERCENT, lost.ref()));
    swarm.bots.awaitHeld("long-01", 1);

    SwarmView midway = swarm.swarm(master);
    assertThat(midway.reallocation()).isNotNull();
    assertThat(midway.reallocation().outstanding()).containsExactly(DiamondKind.LONG_STRIKE);
    assertThat(midway.ledger()).as("nothing moves before it is back").isEqualTo(MasterLedger.initial(CONFIG));
    assertThat(midway.config()).isEqualTo(CONFIG.withAllocation(SHIFT, TEN_PERCENT));
    Map<String, Integer> journals = swarm.journalSizes();
    assertThat(refusal(weights("0.5", "0.5", "0"), null)).startsWith("allocation: the change to ")
        .contains("is still under way");
    assertThat(swarm.journalSizes()).isEqualTo(journals);
    swarm.stop(master);

    ActorRef<Master.Command> second = swarm.start("master-2");
    var retry = swarm.testKit.<StatusReply<AllocationResult>>createTestProbe();
    second.tell(new Master.ChangeAllocation(SHIFT, TEN_PERCENT, retry.ref()));
    swarm.bots.awaitHeld("long-01", 2);
    swarm.bots.open("long-01");

    StatusReply<AllocationResult> reply = retry.receiveMessage(Duration.ofSeconds(15));
    assertThat(reply.isSuccess()).as(String.valueOf(reply)).isTrue();
    assertThat(reply.getValue().complete()).isTrue();
    MasterLedger target = MasterLedger.initial(CONFIG.withAllocation(SHIFT, TEN_PERCENT));
    assertThat(swarm.swarm(second).ledger()).isEqualTo(target);
    assertThat(swarm.masterEvents()).extracting(Object::getClass).containsExactly(Master.SwarmInitialized.class,
        Master.AllocationChanged.class, Master.CapitalReturned.class, Master.AllocationSettled.class);
    DiamondView.Roster longs = swarm.roster(second, DiamondKind.LONG_STRIKE);
    assertThat(longs.ledger().allocations().values()).containsOnly(money("2250"));
    swarm.assertBotsHoldTheirAllocations(longs.ledger());
    assertThat(swarm.bots.view("long-01").eventCount()).as("configured, funded, released once").isEqualTo(3);
    assertEveryPersistedStepBalances();
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private StatusReply<AllocationResult> change(Map<DiamondKind, BigDecimal> weights, BigDecimal reserve) {
    return swarm.<StatusReply<AllocationResult>>ask(master, r -> new Master.ChangeAllocation(weights, reserve, r));
  }

  private String refusal(Map<DiamondKind, BigDecimal> weights, BigDecimal reserve) {
    StatusReply<AllocationResult> reply = change(weights, reserve);
    assertThat(reply.isError()).as(String.valueOf(reply)).isTrue();
    return reply.getError().getMessage();
  }

  /** Replays the master's journal: the books balance after every event it holds. */
  private void assertEveryPersistedStepBalances() {
    MasterState state = MasterState.EMPTY;
    for (Object event : swarm.masterEvents()) {
      state = state.apply((Master.Event) event);
      assertThat(state.ledger().balances()).as("after %s", event).isTrue();
    }
  }

  private static Map<DiamondKind, BigDecimal> weights(String longWeight, String shortWeight, String ammWeight) {
    Map<DiamondKind, BigDecimal> w = new EnumMap<>(DiamondKind.class);
    w.put(DiamondKind.LONG_STRIKE, new BigDecimal(longWeight));
    w.put(DiamondKind.SHORT_STRIKE, new BigDecimal(shortWeight));
    w.put(DiamondKind.AMM, new BigDecimal(ammWeight));
    return w;
  }

  private static BigDecimal money(String amount) {
    return Money.of(amount);
  }
}
