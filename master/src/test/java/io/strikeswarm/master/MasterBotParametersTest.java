package io.strikeswarm.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotAction;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.master.support.MasterHarness;
import io.strikeswarm.master.support.SwarmTestKit;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An operator changes a bot's strategy parameters through the master; the diamond's roster stays the truth. */
@DisplayName("The master, on ChangeBotParameters")
class MasterBotParametersTest {
  /** 4 long and 3 short sma-cross bots (short 2, long 4). */
  private static final SwarmConfig CONFIG = SwarmTestKit.swarm("100000", "0.05", "0.25", "0.25", "0.5", 4, 3, 0);

  private MasterHarness swarm;
  private ActorRef<Master.Command> master;

  @BeforeEach
  void start() {
    swarm = new MasterHarness("master-parameters-test", CONFIG);
    master = swarm.start("master-1");
    swarm.awaitRostersComplete(master);
  }

  @AfterEach
  void stop() {
    swarm.close();
  }

  @Test
  @DisplayName("routes the change to the bot's diamond: the bot and its roster entry both take it")
  void changesParameters() {
    BotConfig before = entry(master, "long-02").config();

    StatusReply<Done> reply = change("long-02", Map.of("short", "3", "long", "12"));

    assertThat(reply.isSuccess()).as(String.valueOf(reply)).isTrue();
    BotConfig expected = before.withParameters(Map.of("short", "3", "long", "12"));
    assertThat(entry(master, "long-02").config()).isEqualTo(expected);
    assertThat(swarm.bots.view("long-02").config()).isEqualTo(expected);
    assertThat(entry(master, "long-01").config().parameters()).as("the others keep theirs")
        .isEqualTo(Map.of("short", "2", "long", "4"));
  }

  @Test
  @DisplayName("keeps the change across a restart: the roster, not the configuration, says what a bot runs")
  void survivesARestart() {
    change("short-01", Map.of("long", "7"));
    Map<String, Integer> journals = swarm.journalSizes();
    swarm.stop(master);

    ActorRef<Master.Command> second = swarm.start("master-2");
    swarm.awaitRostersComplete(second);

    assertThat(entry(second, "short-01").config().parameters()).isEqualTo(Map.of("short", "2", "long", "7"));
    assertThat(swarm.bots.view("short-01").config().parameters()).isEqualTo(Map.of("short", "2", "long", "7"));
    assertThat(swarm.journalSizes()).as("nothing re-configured").isEqualTo(journals);
  }

  @Test
  @DisplayName("refuses an unknown bot, a bot not on the roster, a retired bot and bad parameters, changing nothing")
  void refusals() {
    assertThat(swarm.<StatusReply<Done>>ask(master, r -> new Master.ManageBot("short-03", BotAction.RETIRE, r))
        .isSuccess()).isTrue();
    Map<DiamondKind, DiamondView.Roster> rosters = swarm.rosters(master);
    Map<String, Integer> journals = swarm.journalSizes();
    long botEvents = swarm.bots.view("long-01").eventCount();

    assertThat(refusal("hedge-01", Map.of("short", "3"))).startsWith("unknown bot hedge-01 (ids look like");
    assertThat(refusal(null, Map.of("short", "3"))).startsWith("unknown bot null");
    assertThat(refusal("amm-01", Map.of("short", "3"))).isEqualTo("unknown bot amm-01 in amm");
    assertThat(refusal("long-09", Map.of("short", "3"))).isEqualTo("unknown bot long-09 in long-strike");
    assertThat(refusal("short-03", Map.of("short", "3")))
        .isEqualTo("bot short-03 is retired; its parameters cannot be changed");
    assertThat(refusal("long-01", Map.of("short", "abc"))).isEqualTo("parameters.short: must be a whole number, got 'abc'");
    assertThat(refusal("long-01", Map.of("short", "0")))
        .isEqualTo("parameters.short: must be a whole number from 1 to 1000, got '0'");
    assertThat(refusal("long-01", Map.of("fast", "3"))).startsWith("parameters.fast: is not a parameter of strategy");
    assertThat(refusal("long-01", null)).isEqualTo("parameters: are missing");

    assertThat(swarm.rosters(master)).isEqualTo(rosters);
    assertThat(swarm.journalSizes()).isEqualTo(journals);
    assertThat(swarm.bots.view("long-01").eventCount()).isEqualTo(botEvents);
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private StatusReply<Done> change(String botId, Map<String, String> parameters) {
    return swarm.<StatusReply<Done>>ask(master, r -> new Master.ChangeBotParameters(botId, parameters, r));
  }

  private String refusal(String botId, Map<String, String> parameters) {
    StatusReply<Done> reply = change(botId, parameters);
    assertThat(reply.isError()).as(String.valueOf(reply)).isTrue();
    return reply.getError().getMessage();
  }

  private RosterEntry entry(ActorRef<Master.Command> master, String botId) {
    DiamondKind kind = DiamondKind.ofBot(botId).orElseThrow();
    return swarm.roster(master, kind).bots().stream().filter(e -> e.botId().equals(botId)).findFirst().orElseThrow();
  }
}
