package io.strikeswarm.swarm.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code swarm reliability} runs.
 *
 * @param kills  SIGKILLs of the crash trials before the run may finish
 * @param seed   seed of the kill plan and of the data faults
 * @param data   market data of the crash trials
 * @param work   working directory (emptied first): data directories, logs, ledgers, corrupted files
 * @param trials which trials: {@value #CRASH}, {@value #BAD_DATA}
 */
public record ReliabilityOptions(int kills, long seed, List<String> data, int longBots, int shortBots, Path work,
    Set<String> trials) {
  public static final String CRASH = "crash";
  public static final String BAD_DATA = "bad-data";
  public static final Set<String> ALL = Set.of(CRASH, BAD_DATA);

  public ReliabilityOptions {
    data = List.copyOf(data);
    trials = Set.copyOf(trials);
  }

  public ReliabilityOptions validate() {
    if (kills < 0 || kills > 10_000) throw new IllegalArgumentException("--trials must be in [0, 10000], got " + kills);
    if (data.isEmpty()) throw new IllegalArgumentException("--data: no market data given");
    if (longBots + shortBots == 0) throw new IllegalArgumentException("--bots: the swarm needs at least one bot");
    for (String t : trials) {
      if (!ALL.contains(t)) throw new IllegalArgumentException("--only: unknown trial '" + t + "' (crash, bad-data)");
    }
    return this;
  }
}
