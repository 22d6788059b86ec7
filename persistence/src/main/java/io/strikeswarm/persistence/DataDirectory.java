package io.strikeswarm.persistence;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the swarm keeps its journal: {@code --data-dir}, else {@code SWARM_DATA_DIR}, else {@code ./data}.
 * Always absolute, because H2 refuses implicitly relative file URLs.
 */
public final class DataDirectory {
  public static final String ENV = "SWARM_DATA_DIR";

  private DataDirectory() {}

  public static Path resolve(Optional<Path> fromFlag, Map<String, String> env) {
    Path chosen = fromFlag.orElseGet(() -> {
      String fromEnv = env.get(ENV);
      return fromEnv == null || fromEnv.isBlank() ? Path.of("data") : Path.of(fromEnv);
    });
    return chosen.toAbsolutePath().normalize();
  }
}
