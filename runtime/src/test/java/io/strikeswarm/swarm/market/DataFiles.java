package io.strikeswarm.swarm.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small market data files for tests and loads them, so each test shows its data next to its expectation. */
final class DataFiles {
  private DataFiles() {}

  static Path write(Path dir, String name, String... lines) {
    return writeRaw(dir, name, String.join("\n", lines) + "\n");
  }

  static Path writeRaw(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MarketData load(LoadOptions options, Path... files) {
    return MarketDataLoader.load(List.of(files).stream().map(Path::toString).toList(), options);
  }

  static MarketData load(Path... files) {
    return load(LoadOptions.defaults(), files);
  }

  static Path resource(String name) {
    try {
      return Path.of(DataFiles.class.getResource("/market/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
