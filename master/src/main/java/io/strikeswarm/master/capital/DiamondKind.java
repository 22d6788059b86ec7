package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Side;
import java.util.Arrays;
import java.util.Optional;

/** The three diamonds of the swarm, with the prefix their bots' ids carry ({@code long-07}, {@code amm-31}). */
public enum DiamondKind {
  LONG_STRIKE("long-strike", "long", Side.LONG),
  SHORT_STRIKE("short-strike", "short", Side.SHORT),
  AMM("amm", "amm", null);

  private final String id;
  private final String botPrefix;
  private final Side side;

  DiamondKind(String id, String botPrefix, Side side) {
    this.id = id;
    this.botPrefix = botPrefix;
    this.side = side;
  }

  public String id() {
    return id;
  }

  public String botPrefix() {
    return botPrefix;
  }

  /** The side the diamond's directional bots trade; empty for AMM arbitrage, which is not directional. */
  public Optional<Side> side() {
    return Optional.ofNullable(side);
  }

  public String botId(int number) {
    return String.format("%s-%02d", botPrefix, number);
  }

  public static Optional<DiamondKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** The diamond a bot belongs to, from its id's prefix. */
  public static Optional<DiamondKind> ofBot(String botId) {
    int dash = botId.lastIndexOf('-');
    if (dash <= 0) return Optional.empty();
    String prefix = botId.substring(0, dash);
    return Arrays.stream(values()).filter(k -> k.botPrefix.equals(prefix)).findFirst();
  }
}
