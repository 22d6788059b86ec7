package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report tells the operator, per source, what was read, what became bars, what was skipped and where gaps are. */
class LoadReportTest {
  @TempDir Path dir;

  @Test
  void eachSourceReportsRowsBarsSkipsGapsAndTheTimesOfItsFirstAndLastBar() {
    Path btc = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1",
        "2020-01-01 00:02:00,1,0.5,1,1,1",
        "2020-01-01 00:05:00,1,1,1,1,1");
    Path eth = write(dir, "ethusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 01:00:00,1,1,1,1,1");

    LoadReport report = load(LoadOptions.defaults().withSkipBadRows(true), btc, eth).report();

    assertThat(report.sources()).extracting(SourceReport::source).containsExactly(btc.toString(), eth.toString());
    SourceReport first = report.source(btc.toString()).orElseThrow();
    assertThat(first.instruments()).containsExactly("BTC-USD");
    assertThat(first.rowsRead()).isEqualTo(4);
    assertThat(first.barsProduced()).isEqualTo(3);
    assertThat(first.skipped()).containsExactly(org.assertj.core.api.Assertions.entry("high < low", 1L));
    assertThat(first.gaps()).isEqualTo(1);
    assertThat(first.firstBarTimeMs()).isEqualTo(Instant.parse("2020-01-01T00:01:00Z").toEpochMilli());
    assertThat(first.lastBarTimeMs()).isEqualTo(Instant.parse("2020-01-01T00:06:00Z").toEpochMilli());
    assertThat(report.totalRowsSkipped()).isEqualTo(1);

    assertThat(report.describe().lines()).containsExactly(
        btc + ": BTC-USD, 4 rows read, 3 bars, 1 gap, bars ending 2020-01-01T00:01:00Z .. 2020-01-01T00:06:00Z",
        "  skipped 1 rows: high < low: 1",
        eth + ": ETH-USD, 2 rows read, 2 bars, 0 gaps, bars ending 2020-01-01T01:00:00Z .. 2020-01-01T02:00:00Z");
  }
}
