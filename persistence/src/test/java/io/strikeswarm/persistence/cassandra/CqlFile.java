package io.strikeswarm.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The statements of a CQL file as cqlsh would run them: full-line {@code --} comments dropped, split at {@code ;}. */
public final class CqlFile {
  private CqlFile() {}

  public static List<String> statements(Path file) {
    try {
      StringBuilder text = new StringBuilder();
      for (String line : Files.readAllLines(file)) {
        if (!line.trim().startsWith("--")) text.append(line).append('\n');
      }
      List<String> statements = new ArrayList<>();
      for (String part : text.toString().split(";")) {
        if (!part.isBlank()) statements.add(part.trim());
      }
      return statements;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of this checkout: tests run in a module directory, so it is found upwards. */
  public static Path inCheckout(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) return dir.resolve(relative);
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
