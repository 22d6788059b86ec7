package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Binance captures in the machine's shared data root, {@code ../shared/data} beside the project, read in
 * place. Tests that need them are skipped, with the path they looked for, where the root is absent: it is not part of
 * the repository.
 */
final class SharedCaptures {
  static final String FIXTURE = "fixtures/binance_spot_btcusdt_l2_2024-08-08T23-54_first60s.txt.gz";
  static final String BENCHMARK_DAY_1 = "benchmark/binance_l2_btcusdt_spot/spot_btcusdt_20240808.gz";
  static final String BENCHMARK_DAY_2 = "benchmark/binance_l2_btcusdt_spot/spot_btcusdt_20240809.gz";

  private SharedCaptures() {}

  /** The file, or the test is skipped. */
  static Path require(String relative) {
    Optional<Path> file = root().map(root -> root.resolve(relative)).filter(Files::isRegularFile);
    assumeThat(file).as("shared capture ../shared/data/%s (not in the repository; test skipped)", relative)
        .isPresent();
    return file.orElseThrow();
  }

  /** {@code ../shared/data} seen from the project root, wherever below it the tests run. */
  private static Optional<Path> root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path parent = dir.getParent();
      if (parent != null && Files.isDirectory(parent.resolve("shared/data")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return Optional.of(parent.resolve("shared/data"));
      }
    }
    return Optional.empty();
  }
}
