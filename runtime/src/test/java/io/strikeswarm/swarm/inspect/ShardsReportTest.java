package io.strikeswarm.swarm.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Pekko Management's answers (shapes as pekko-management-cluster-http 1.1.1 sends them) into a table. */
class ShardsReportTest {
  private static final String A = "pekko://strikeswarm@127.0.0.1:25520";
  private static final String B = "pekko://strikeswarm@127.0.0.1:25521";
  private static final String C = "pekko://strikeswarm@127.0.0.1:25522";

  private static final String MEMBERS = """
      {"selfNode": "%s",
       "members": [
         {"node": "%s", "nodeUid": "-1", "status": "Up", "roles": ["dc-default", "bots"]},
         {"node": "%s", "nodeUid": "-2", "status": "Up", "roles": ["dc-default"]},
         {"node": "%s", "nodeUid": "-3", "status": "Leaving", "roles": ["dc-default"]}],
       "unreachable": [{"node": "%s", "observedBy": ["%s"]}],
       "leader": "%s", "oldest": "%s", "oldestPerRole": {"dc-default": "%s"}}""";

  private static String members(String self) {
    return MEMBERS.formatted(self, B, A, C, C, A, A, B, B);
  }

  private static final NodeView NODE_A = NodeView.parse(members(A),
      Map.of("bot", """
          {"regions": [{"shardId": "12", "numEntities": 3}, {"shardId": "7", "numEntities": 1}]}"""));
  private static final NodeView NODE_B = NodeView.parse(members(B),
      Map.of("bot", """
          {"regions": [{"shardId": "40", "numEntities": 2}]}"""));

  @Test
  void membersAreListedByAddressWithTheirStatusRolesAndWhoLeadsAndIsOldest() {
    assertThat(NODE_A.self()).isEqualTo(A);
    assertThat(NODE_A.members()).containsExactly(
        new NodeView.Member(A, "Up", List.of("dc-default"), true, false),
        new NodeView.Member(B, "Up", List.of("bots", "dc-default"), false, true),
        new NodeView.Member(C, "Leaving", List.of("dc-default"), false, false));
    assertThat(NODE_A.unreachable()).containsExactly(C);
  }

  @Test
  void shardsAreInNumericOrderWithTheirEntityCounts() {
    assertThat(NODE_A.regions().get("bot")).containsExactly(new NodeView.Shard("7", 1), new NodeView.Shard("12", 3));
  }

  @Test
  void theClusterTableJoinsEveryAnsweringNodesShardsAndNamesTheNodesNotAsked() {
    String table = new ShardsReport(List.of(NODE_A, NODE_B)).render();
    assertThat(table).isEqualTo("""
        Members
        MEMBER                               STATUS   ROLES            NOTES
        pekko://strikeswarm@127.0.0.1:25520  Up       dc-default       leader, answered
        pekko://strikeswarm@127.0.0.1:25521  Up       bots,dc-default  oldest
        pekko://strikeswarm@127.0.0.1:25522  Leaving  dc-default
        Unreachable: pekko://strikeswarm@127.0.0.1:25522

        Shard region bot
        NODE                                 SHARDS  ENTITIES  SHARD:ENTITIES
        pekko://strikeswarm@127.0.0.1:25520  2       4         7:1 12:3
        pekko://strikeswarm@127.0.0.1:25521  1       2         40:2
        total                                3       6

        Not asked (their shards are not listed): pekko://strikeswarm@127.0.0.1:25522
        """);
  }

  @Test
  void aNodeHostingNoShardsOfARegionShowsAnEmptyRow() {
    NodeView idle = NodeView.parse(members(B), Map.of("bot", "{\"regions\": []}"));
    String table = ShardsReport.of(idle).render();
    assertThat(table).containsPattern("(?m)^pekko://strikeswarm@127\\.0\\.0\\.1:25521\\s+0\\s+0$");
  }

  @Test
  void somethingThatIsNotJsonIsRefusedAsNotAManagementAnswer() {
    assertThatThrownBy(() -> NodeView.parse("<html>404</html>", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Pekko Management answer");
  }
}
