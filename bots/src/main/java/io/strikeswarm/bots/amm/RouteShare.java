package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;

/**
 * How bots of one swarm that watch the same pools take turns, so they never race each other for one gap: of the
 * {@code of} bots sharing the pools, this bot may open a round trip only on snapshots of blocks whose number is
 * {@code slot} modulo {@code of}. Every bot reads the same block numbers from the chain, so the turns need no
 * messages between them. A gap left open (its owner busy or out of inventory) passes to the next bot at the next block.
 */
public record RouteShare(int slot, int of) implements CborSerializable {
  /** A bot alone on its pools: every block is its turn. */
  public static final RouteShare SOLE = new RouteShare(0, 1);

  public RouteShare {
    if (of < 1) throw new IllegalArgumentException("a route is shared by at least one bot, got " + of);
    if (slot < 0 || slot >= of) throw new IllegalArgumentException("slot must be in [0, " + of + "), got " + slot);
  }

  public boolean onTurn(long blockNumber) {
    return Math.floorMod(blockNumber, of) == slot;
  }

  @Override
  public String toString() {
    return of == 1 ? "sole" : "turn " + (slot + 1) + " of " + of;
  }
}
