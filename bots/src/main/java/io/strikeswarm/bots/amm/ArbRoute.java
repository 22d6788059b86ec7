package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A token pair an AMM bot watches across two or more DEX deployments. Round trips start and end in {@code home}
 * (the unit the bot's profit on this route is counted in): buy {@code other} on one DEX, sell it on another.
 */
public record ArbRoute(String home, String other, List<String> dexes) implements CborSerializable {

  public ArbRoute {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(other, "other");
    dexes = List.copyOf(dexes);
    if (home.equals(other)) throw new IllegalArgumentException("route " + home + "/" + other + " needs two tokens");
    if (dexes.size() < 2 || dexes.stream().distinct().count() != dexes.size()) {
      throw new IllegalArgumentException("route " + home + "/" + other + " needs two or more distinct DEXes, got "
          + dexes);
    }
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
    return home + "/" + other + " on " + String.join("+", dexes);
  }
}
