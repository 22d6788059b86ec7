package io.strikeswarm.swarm.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node's Pekko Management endpoint says: the cluster's members as this node sees them, and the shards of
 * each region that this node hosts. {@code /cluster/shards/{region}} answers for the local region only, so the
 * cluster's shard map is the union of every node's view ({@link ShardsReport}).
 */
public record NodeView(String self, List<Member> members, List<String> unreachable, Map<String, List<Shard>> regions) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Member(String address, String status, List<String> roles, boolean leader, boolean oldest) {}

  public record Shard(String id, int entities) {}

  public NodeView {
    members = List.copyOf(members);
    unreachable = List.copyOf(unreachable);
    regions = Map.copyOf(regions);
  }

  /**
   * @param membersJson the answer of {@code GET /cluster/members}
   * @param shardsJsonByRegion the answer of {@code GET /cluster/shards/{region}}, by region name
   */
  public static NodeView parse(String membersJson, Map<String, String> shardsJsonByRegion) {
    JsonNode root = read(membersJson);
    String leader = root.path("leader").asText("");
    String oldest = root.path("oldest").asText("");
    List<Member> members = new ArrayList<>();
    for (JsonNode m : root.path("members")) {
      String address = m.path("node").asText();
      List<String> roles = new ArrayList<>();
      m.path("roles").forEach(r -> roles.add(r.asText()));
      roles.sort(Comparator.naturalOrder());
      members.add(new Member(address, m.path("status").asText(), roles, address.equals(leader),
          address.equals(oldest)));
    }
    members.sort(Comparator.comparing(Member::address));
    List<String> unreachable = new ArrayList<>();
    root.path("unreachable").forEach(u -> unreachable.add(u.path("node").asText()));

    Map<String, List<Shard>> regions = new LinkedHashMap<>();
    shardsJsonByRegion.forEach((region, json) -> {
      List<Shard> shards = new ArrayList<>();
      for (JsonNode s : read(json).path("regions")) {
        shards.add(new Shard(s.path("shardId").asText(), s.path("numEntities").asInt()));
      }
      shards.sort(ShardsReport.BY_SHARD_ID);
      regions.put(region, shards);
    });
    return new NodeView(root.path("selfNode").asText(), members, unreachable, regions);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Pekko Management answer: " + e.getMessage(), e);
    }
  }
}
