package io.strikeswarm.swarm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void writesTheFourFilesIntoTheDirectoryCreatingIt() throws Exception {
    Path dir = tmp.resolve("runs/2024-01-01");

    ReportFiles files = ReportWriter.write(Results.swarm().build(), dir);

    assertThat(files.summaryJson()).isEqualTo(dir.resolve("summary.json")).isNotEmptyFile();
    assertThat(files.tradesCsv()).isEqualTo(dir.resolve("trades.csv")).isNotEmptyFile();
    assertThat(files.equityCsv()).isEqualTo(dir.resolve("equity.csv")).isNotEmptyFile();
    assertThat(files.reportHtml()).isEqualTo(dir.resolve("report.html")).isNotEmptyFile();
    assertThat(Files.readAllLines(files.tradesCsv())).hasSize(1 + 8);
    assertThat(Files.readAllLines(files.equityCsv())).hasSize(1 + 10);
  }

  @Test
  void writingTheSameResultTwiceGivesByteIdenticalFiles() throws Exception {
    BacktestResult result = Results.swarm().build();

    ReportFiles a = ReportWriter.write(result, tmp.resolve("a"));
    ReportFiles b = ReportWriter.write(result, tmp.resolve("b"));

    assertThat(Files.readAllBytes(a.tradesCsv())).isEqualTo(Files.readAllBytes(b.tradesCsv()));
    assertThat(Files.readAllBytes(a.equityCsv())).isEqualTo(Files.readAllBytes(b.equityCsv()));
    assertThat(Files.readAllBytes(a.summaryJson())).isEqualTo(Files.readAllBytes(b.summaryJson()));
    assertThat(Files.readAllBytes(a.reportHtml())).isEqualTo(Files.readAllBytes(b.reportHtml()));
  }

  @Test
  void twoRunsThatOnlyTookDifferentTimeDifferOnlyInTheTimingKeys() throws Exception {
    Results fast = Results.swarm();
    Results slow = Results.swarm();
    slow.elapsedMs = 98_765;
    slow.replayNanos = 7_000_000_000L;

    List<String> a = Files.readAllLines(ReportWriter.write(fast.build(), tmp.resolve("fast")).summaryJson());
    List<String> b = Files.readAllLines(ReportWriter.write(slow.build(), tmp.resolve("slow")).summaryJson());

    assertThat(a).hasSameSizeAs(b);
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        differing.add(a.get(i).trim().replaceAll(":.*", ""));
      }
    }
    assertThat(differing).containsExactly("\"elapsed_ms\"", "\"bot_bars_per_second\"");
  }

  @Test
  void tradesListedInAnotherOrderGiveTheSameTradesCsv() throws Exception {
    Results shuffled = Results.swarm();
    Collections.shuffle(shuffled.trades, new Random(42));

    Path a = ReportWriter.write(Results.swarm().build(), tmp.resolve("a")).tradesCsv();
    Path b = ReportWriter.write(shuffled.build(), tmp.resolve("b")).tradesCsv();

    assertThat(shuffled.trades).isNotEqualTo(Results.swarm().trades);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void badInputIsRejectedBeforeAnythingIsWritten() {
    Results r = Results.swarm();
    r.equity.clear();
    Path dir = tmp.resolve("never");

    assertThatThrownBy(() -> ReportWriter.write(r.build(), dir))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("equity is empty");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aMissingDirectoryIsNamed() {
    assertThatThrownBy(() -> ReportWriter.write(Results.swarm().build(), null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("report directory is missing");
  }
}
