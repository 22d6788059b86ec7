package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A token pair an AMM bot watches across two or more DEX deployments. Round trips start and end in {@code home}
 * (the unit the bot's profit on this route is counted in): buy {@code other} on one DEX, sell it on another.
 * {@code share} says when this bot may act on these pools if other bots of the swarm watch them too (journals
 * written before shares existed read as {@link RouteShare#SOLE}).
 */
public record ArbRoute(String home, String other, List<String> dexes, RouteShare share) implements CborSerializable {

  public ArbRoute {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(other, "other");
    dexes = List.copyOf(dexes);
    if (share == null) share = RouteShare.SOLE;
    if (home.equals(other)) throw new IllegalArgumentException("route " + home + "/" + other + " needs two tokens");
    if (dexes.size() < 2 || dexes.stream().distinct().count() != dexes.size()) {
      throw new IllegalArgumentException("route " + home + "/" + other + " needs two or more distinct DEXes, got "
          + dexes);
    }
  }

  /** A route this bot watches alone. */
  public ArbRoute(String home, String other, List<String> dexes) {
    this(home, other, dexes, RouteShare.SOLE);
  }

  public ArbRoute sharedAs(RouteShare newShare) {
    return new ArbRoute(home, other, dexes, newShare);
  }

  /** Every (buy on, sell on) pair of distinct DEXes. */
  public List<String[]> legs() {
    List<String[]> legs = new ArrayList<>();
    for (String buy : dexes) {
      for (String sell : dexes) {
        if (!buy.equals(sell)) legs.add(new String[] {buy, sell});
      }
    }
    return legs;
  }

  public List<PoolKey> pools() {
    return dexes.stream().map(d -> new PoolKey(d, home, other)).toList();
  }

  @Override
  public String toString() {
    return home + "/" + other + " on " + String.join("+", dexes) + (share.of() > 1 ? " (" + share + ")" : "");
  }
}
