package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static io.strikeswarm.swarm.market.DataFiles.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.strikeswarm.bots.domain.Bar;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad row fails the load at its file and physical line; with skipBadRows it is skipped and counted instead. */
class BadRowsTest {
  private static final LoadOptions SKIPPING = LoadOptions.defaults().withSkipBadRows(true);

  @TempDir Path dir;

  private static Consumer<MarketDataException> locatedAt(Path file, long line, String reason) {
    return e -> {
      assertThat(e.source()).isEqualTo(file.toString());
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.getMessage()).startsWith(file + ":" + line + ": " + reason);
    };
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "2020-01-01 00:02:00,11,13,10,12          | wrong number of fields",
      "2020-01-01 00:02:00,11,13,10,12,2,7      | wrong number of fields",
      "2020-01-01 00:02:00,11,1x3,10,12,2       | unparsable number",
      "2020-01-01 00:02:00,11,13,10,,2          | unparsable number",
      "2020-01-01 00:02:00,11,13,10,12,\"2\"      | unparsable number",
      "2020-13-01 00:02:00,11,13,10,12,2        | unparsable time",
      "01/01/2020 00:02,11,13,10,12,2           | unparsable time",
      "2020-01-01 00:02:00,NaN,13,10,12,2       | not a finite number",
      "2020-01-01 00:02:00,11,Infinity,10,12,2  | not a finite number",
      "2020-01-01 00:02:00,11,13,10,12,-inf     | not a finite number",
      "2020-01-01 00:02:00,0,13,10,12,2         | price <= 0",
      "2020-01-01 00:02:00,11,13,-10,12,2       | price <= 0",
      "2020-01-01 00:02:00,11,9,10,9.5,2        | high < low",
      "2020-01-01 00:02:00,14,13,10,12,2        | open outside [low, high]",
      "2020-01-01 00:02:00,9,13,10,12,2         | open outside [low, high]",
      "2020-01-01 00:02:00,11,13,10,13.01,2     | close outside [low, high]",
      "2020-01-01 00:02:00,11,13,10,12,-0.5     | negative volume",
      "2020-01-01 00:01:00,11,13,10,12,2        | duplicate timestamp",
      "2020-01-01 00:00:30,11,13,10,12,2        | timestamp goes backwards"})
  void aBadBarRowFailsTheLoadNamingFileLineAndReason(String badRow, String reason) {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,10,12,9,11,1",
        "2020-01-01 00:01:00,11,13,10,12,2",
        badRow,
        "2020-01-01 00:03:00,11,13,10,12,2");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 4, reason));
  }

  @Test
  void lineNumbersArePhysicalLinesCountingTheHeaderAndBlankLinesOfACrlfFile() {
    Path file = writeRaw(dir, "btcusd_1m.csv",
        "\uFEFFdatetime,open,high,low,close,volume\r\n"
            + "2020-01-01 00:00:00,10,12,9,11,1\r\n"
            + "\r\n"
            + "2020-01-01 00:01:00,11,13,10,12,2\r\n"
            + "2020-01-01 00:02:00,11,9,10,9.5,2\r\n");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 5, "high < low"));
  }

  @Test
  void theMessageAddsTheOffendingValuesAfterTheReason() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,10,12,9,11,1",
        "2020-01-01 00:01:00,11,1x3,10,12,2");

    assertThatThrownBy(() -> load(file)).hasMessage(file + ":3: unparsable number (high = '1x3')");
  }

  @Test
  void theSameTimeInTwoInstrumentsOfOneFileIsNotADuplicateButWithinOneItIs() {
    Path file = write(dir, "mixed.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,BTC-USD,1,1,1,1,1",
        "2020-01-01 00:00:00,ETH-USD,1,1,1,1,1",
        "2020-01-01 00:01:00,ETH-USD,1,1,1,1,1",
        "2020-01-01 00:01:00,BTC-USD,1,1,1,1,1",
        "2020-01-01 00:01:00,ETH-USD,1,1,1,1,1");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 6, "duplicate timestamp"));
  }

  @Test
  void aBlankSymbolIsABadRow() {
    Path file = write(dir, "mixed.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,BTC-USD,1,1,1,1,1",
        "2020-01-01 00:01:00, ,1,1,1,1,1");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 3, "blank symbol"));
  }

  @Test
  void theFixtureWithOneOfEveryBadRowFailsAtItsFirstBadLine() {
    Path file = DataFiles.resource("bad_rows_btcusd_1m.csv");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 4, "high < low"));
  }

  @Test
  void skippingBadRowsLoadsTheGoodRowsAndCountsTheRestByReason() {
    Path file = DataFiles.resource("bad_rows_btcusd_1m.csv");

    MarketData data = load(SKIPPING, file);

    InstrumentSeries series = data.series("BTC-USD").orElseThrow();
    assertThat(series.bars()).extracting(Bar::timeMs).containsExactly(
        Instant.parse("2020-01-01T00:01:00Z").toEpochMilli(),
        Instant.parse("2020-01-01T00:02:00Z").toEpochMilli(),
        Instant.parse("2020-01-01T00:03:00Z").toEpochMilli(),
        Instant.parse("2020-01-01T00:06:00Z").toEpochMilli());
    // The kept 00:02 bar is the first one with valid values, not the later duplicate.
    assertThat(series.bars().get(2).open()).isEqualByComparingTo("100");
    assertThat(series.gaps()).isEqualTo(1);

    SourceReport report = data.report().sources().get(0);
    assertThat(report.rowsRead()).isEqualTo(16);
    assertThat(report.barsProduced()).isEqualTo(4);
    assertThat(report.skipped()).containsExactly(
        entry("close outside [low, high]", 1L),
        entry("duplicate timestamp", 1L),
        entry("high < low", 1L),
        entry("negative volume", 1L),
        entry("not a finite number", 1L),
        entry("open outside [low, high]", 1L),
        entry("price <= 0", 2L),
        entry("timestamp goes backwards", 1L),
        entry("unparsable number", 1L),
        entry("unparsable time", 1L),
        entry("wrong number of fields", 1L));
    assertThat(report.rowsSkipped()).isEqualTo(report.rowsRead() - report.barsProduced());
    assertThat(data.report().describe()).contains("skipped 12 rows").contains("price <= 0: 2");
  }

  @Test
  void aSkippedRowDoesNotMoveTheClockSoTheRowAfterAMisdatedOneIsKept() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,10,12,9,11,1",
        "2020-01-01 00:05:00,-1,12,9,11,1",
        "2020-01-01 00:01:00,10,12,9,11,1");

    assertThat(load(SKIPPING, file).timeline()).hasSize(2);
  }

  @Test
  void aFileWhoseRowsAreAllBadLoadsNothingAndSaysSo() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,10,9,11,11,1",
        "2020-01-01 00:01:00,0,12,9,11,1");

    assertThatThrownBy(() -> load(SKIPPING, file)).isInstanceOf(MarketDataException.class)
        .hasMessageContaining("all 2 rows were skipped");
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "1577836805,0,1              | price <= 0",
      "1577836805,-3,1             | price <= 0",
      "1577836805,NaN,1            | not a finite number",
      "1577836805,7000,-0.1        | negative amount",
      "1577836805,7000,abc         | unparsable number",
      "1577836799,7000,1           | timestamp goes backwards",
      "1577836805.5,7000,1         | unparsable time",
      "1577836805,7000             | wrong number of fields"})
  void aBadTradeRowFailsTheLoadNamingFileLineAndReason(String badRow, String reason) {
    Path file = write(dir, "trades_btcusd.csv",
        "timestamp,price,amount",
        "1577836800,7000,0.5",
        "1577836800,7001,0.25",
        badRow,
        "1577836900,7002,1");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, locatedAt(file, 4, reason));
  }

  @Test
  void skippedTradesAreCountedAndLeftOutOfTheirBar() {
    Path file = write(dir, "trades_btcusd.csv",
        "timestamp,price,amount",
        "1577836800,7000,0.5",
        "1577836801,0,9",
        "1577836802,7010,-1",
        "1577836790,7020,9",
        "1577836803,7005,0.25");

    MarketData data = load(SKIPPING, file);

    assertThat(data.timeline()).containsExactly(
        Bar.of("BTC-USD", 1577836800000L + 300_000, "7000", "7005", "7000", "7005", "0.75"));
    assertThat(data.report().sources().get(0).skipped()).containsExactly(
        entry("negative amount", 1L), entry("price <= 0", 1L), entry("timestamp goes backwards", 1L));
  }

  @Test
  void aBadJsonBarIsLocatedByItsIndexInTheBarArray() {
    Path file = writeRaw(dir, "ethusd_5m.json", """
        {"name": "test", "ohlc": [
          {"endTime": 1678730699999, "openPrice": 10, "highPrice": 12, "lowPrice": 9, "closePrice": 11, "volume": 1},
          {"endTime": 1678730999999, "openPrice": 10, "highPrice": 8, "lowPrice": 9, "closePrice": 11, "volume": 1},
          {"endTime": 1678731299999, "openPrice": 10, "highPrice": 12, "lowPrice": 9, "closePrice": 11, "volume": 1}
        ]}
        """);

    assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(MarketDataException.class, e -> {
      assertThat(e.line()).isZero();
      assertThat(e.barIndex()).hasValue(1);
      assertThat(e.reason()).isEqualTo("high < low");
      assertThat(e.getMessage()).startsWith(file + ": bar 1: high < low");
    });
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "\"endTime\": 1678730999999, \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11     "
          + "| missing field",
      "\"endTime\": \"soon\", \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11, \"volume\": 1"
          + "| unparsable time",
      "\"endTime\": 1678730999999, \"openPrice\": \"NaN\", \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11, "
          + "\"volume\": 1 | not a finite number",
      "\"endTime\": 1678730999999, \"openPrice\": true, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11, "
          + "\"volume\": 1 | unparsable number",
      "\"endTime\": 1678730699999, \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11, "
          + "\"volume\": 1 | duplicate timestamp",
      "\"endTime\": 1678730999999, \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11, "
          + "\"volume\": -1 | negative volume"})
  void skippedJsonBarsAreCountedByReason(String badBar, String reason) {
    Path file = writeRaw(dir, "ethusd_5m.json", "{\"ohlc\": ["
        + "{\"endTime\": 1678730699999, \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11,"
        + " \"volume\": 1},"
        + "{" + badBar + "},"
        + "{\"endTime\": 1678731299999, \"openPrice\": 10, \"highPrice\": 12, \"lowPrice\": 9, \"closePrice\": 11,"
        + " \"volume\": 1}]}");

    assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(MarketDataException.class,
        e -> assertThat(e.getMessage()).startsWith(file + ": bar 1: " + reason));
    MarketData data = load(SKIPPING, file);
    assertThat(data.timeline()).hasSize(2);
    assertThat(data.report().sources().get(0).skipped()).containsExactly(entry(reason, 1L));
  }

  @Test
  void malformedJsonIsLocatedByLine() {
    Path file = writeRaw(dir, "ethusd_5m.json", "{\"ohlc\": [\n{\"endTime\": 1,\n\"openPrice\": 10,,\n}]}");

    assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(MarketDataException.class, e -> {
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.reason()).isEqualTo("not valid JSON");
    });
  }
}
