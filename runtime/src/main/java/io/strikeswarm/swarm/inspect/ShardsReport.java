package io.strikeswarm.swarm.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cluster as an operator reads it: its members, then per shard region which node hosts which shards and how
 * many entities each has. Built from the views of one or more nodes' management endpoints; members are those of the
 * first view (every node gossips the same membership), shards are what each node said it hosts.
 */
public final class ShardsReport {
  /** Numeric shard ids (the default extractor's) in numeric order, others after them by name. */
  static final Comparator<NodeView.Shard> BY_SHARD_ID = Comparator.comparing(NodeView.Shard::id, ShardsReport::compareIds);

  private final List<NodeView> views;

  public ShardsReport(List<NodeView> views) {
    if (views.isEmpty()) throw new IllegalArgumentException("a report needs at least one node's view");
    this.views = List.copyOf(views);
  }

  public static ShardsReport of(NodeView view) {
    return new ShardsReport(List.of(view));
  }

  public List<NodeView.Member> members() {
    return views.get(0).members();
  }

  /** Region name → hosting node → its shards. */
  public Map<String, Map<String, List<NodeView.Shard>>> placement() {
    Map<String, Map<String, List<NodeView.Shard>>> placement = new TreeMap<>();
    for (NodeView view : views) {
      view.regions().forEach((region, shards) ->
          placement.computeIfAbsent(region, r -> new TreeMap<>()).put(view.self(), shards));
    }
    return placement;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    Table members = new Table("MEMBER", "STATUS", "ROLES", "NOTES");
    String self = views.get(0).self();
    for (NodeView.Member m : members()) {
      List<String> notes = new ArrayList<>();
      if (m.leader()) notes.add("leader");
      if (m.oldest()) notes.add("oldest");
      if (m.address().equals(self)) notes.add("answered");
      members.row(m.address(), m.status(), String.join(",", m.roles()), String.join(", ", notes));
    }
    out.append("Members\n").append(members.render());
    List<String> unreachable = views.get(0).unreachable();
    if (!unreachable.isEmpty()) out.append("Unreachable: ").append(String.join(", ", unreachable)).append('\n');

    placement().forEach((region, byNode) -> {
      Table shards = new Table("NODE", "SHARDS", "ENTITIES", "SHARD:ENTITIES");
      int shardTotal = 0;
      int entityTotal = 0;
      for (Map.Entry<String, List<NodeView.Shard>> node : byNode.entrySet()) {
        int entities = node.getValue().stream().mapToInt(NodeView.Shard::entities).sum();
        shards.row(node.getKey(), Integer.toString(node.getValue().size()), Integer.toString(entities),
            node.getValue().stream().map(s -> s.id() + ":" + s.entities()).collect(Collectors.joining(" ")));
        shardTotal += node.getValue().size();
        entityTotal += entities;
      }
      shards.row("total", Integer.toString(shardTotal), Integer.toString(entityTotal), "");
      out.append("\nShard region ").append(region).append('\n').append(shards.render());
    });
    Set<String> silent = new TreeSet<>(members().stream().map(NodeView.Member::address).toList());
    views.forEach(v -> silent.remove(v.self()));
    if (!silent.isEmpty() && !placement().isEmpty()) {
      out.append("\nNot asked (their shards are not listed): ").append(String.join(", ", silent)).append('\n');
    }
    return out.toString();
  }

  private static int compareIds(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
    boolean bn = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
    if (an && bn) return Long.compare(Long.parseLong(a), Long.parseLong(b));
    if (an != bn) return an ? -1 : 1;
    return a.compareTo(b);
  }
}
