package io.strikeswarm.swarm.reliability;

import java.util.Random;

/**
 * Where the next SIGKILL lands, drawn from a seeded random sequence so a run's choices can be repeated (the wall
 * clock still decides the exact instruction a kill interrupts). One kill in five hits a starting swarm — recovery,
 * the roster being created, warm-up — at a random moment before its API answers; the others let it trade a random
 * number of bar times and then kill it a random few milliseconds later, inside whatever step is in flight. Advances
 * are spread so that every planned kill still finds bars left to trade.
 */
final class KillPlan {
  enum Phase {
    STARTING,
    TRADING
  }

  /**
   * @param delayMillis  STARTING: how long after the spawn the kill comes
   * @param advance      TRADING: bar times to let the swarm commit in this life before the kill
   * @param jitterMillis TRADING: then this much longer, so the kill falls anywhere inside a step
   */
  record Point(Phase phase, long delayMillis, long advance, int jitterMillis) {
    String describe() {
      return phase == Phase.STARTING ? "while starting, " + delayMillis + " ms after the spawn"
          : "while trading, after " + advance + " more bar times + " + jitterMillis + " ms";
    }
  }

  static final int STARTING_ONE_IN = 5;
  static final int MAX_JITTER_MILLIS = 50;

  private final Random random;

  KillPlan(long seed) {
    this.random = new Random(seed);
  }

  /**
   * @param killsLeft     kills still to come, this one included
   * @param barTimesLeft  bar times the swarm has not committed yet
   * @param startupMillis how long a start took last time (the window a STARTING kill is drawn from)
   */
  Point next(int killsLeft, long barTimesLeft, long startupMillis) {
    if (killsLeft < 1) throw new IllegalArgumentException("no kill left to plan");
    boolean starting = random.nextInt(STARTING_ONE_IN) == 0;
    long delay = random.nextLong(Math.max(1, startupMillis));
    // On average the remaining bars are shared evenly between this kill, the later ones and the final run; at most
    // this kill takes 2 / (kills left + 2) of them, so the last one still leaves bars to the final run.
    long share = Math.max(1, 2 * barTimesLeft / (killsLeft + 2));
    long advance = 1 + random.nextLong(share);
    int jitter = random.nextInt(MAX_JITTER_MILLIS + 1);
    return starting ? new Point(Phase.STARTING, delay, 0, 0) : new Point(Phase.TRADING, 0, advance, jitter);
  }
}
