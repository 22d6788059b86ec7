package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookReplayBenchTest {
  @TempDir Path dir;

  /** A small capture of a generated market: one snapshot, then diffs. */
  private Path capture() throws IOException {
    List<GeneratedMarket.Order> orders = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      orders.add(new GeneratedMarket.Order(i % 2 == 0 ? BookSide.BID : BookSide.ASK,
          i % 2 == 0 ? 5_999_990 - i % 7 : 6_000_010 + i % 5, 1_000 + i));
    }
    GeneratedMarket market = new GeneratedMarket(orders, List.of(3, 3, 3));
    CaptureText text = new CaptureText(GeneratedMarket.SCALES);
    List<String> lines = new ArrayList<>();
    lines.add(text.line(market.snapshotAt(market.initialUpdateId())));
    market.diffs().forEach(diff -> lines.add(text.line(diff)));
    return CaptureText.writeGzip(dir.resolve("capture.gz"), lines);
  }

  @Test
  void aRunReportsTheReplayAndMedianRatesOverItsRuns() throws IOException {
    Path capture = capture();

    BookReplayBench.Result result = BookReplayBench.run(List.of(capture), 1, 3);

    ReplayReport expected = CaptureReplay.replay(List.of(capture));
    assertThat(result.report()).usingRecursiveComparison().ignoringFields("elapsed").isEqualTo(expected);
    assertThat(result.runs()).isEqualTo(3);
    assertThat(result.eventsPerSecond()).isPositive();
    assertThat(result.inMemoryEventsPerSecond()).isPositive();
    assertThat(result.messagesPerSecond()).isLessThan(result.eventsPerSecond());
    assertThat(result.describe()).contains("median of 3 runs").contains("sequence gaps 0");
  }

  @Test
  void atLeastOneMeasuredRunIsNeeded() throws IOException {
    Path capture = capture();

    assertThatIllegalArgumentException().isThrownBy(() -> BookReplayBench.run(List.of(capture), 0, 0));
  }
}
