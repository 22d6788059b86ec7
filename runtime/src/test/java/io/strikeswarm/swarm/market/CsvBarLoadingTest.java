package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static io.strikeswarm.swarm.market.DataFiles.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvBarLoadingTest {
  @TempDir Path dir;

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void columnsAreFoundByNameInAnyOrderAndCaseWithExtraColumnsIgnored() {
    Path file = write(dir, "btcusd.csv",
        "Volume,trades,CLOSE,low,High,open,DateTime",
        "1.5,17,105.5,99,110,100,2020-01-01 00:00:00",
        "2.25,3,104,101,106,105.5,2020-01-01 00:01:00");

    List<Bar> bars = load(file).series("BTC-USD").orElseThrow().bars();

    assertThat(bars).containsExactly(
        Bar.of("BTC-USD", ms("2020-01-01T00:01:00Z"), "100", "110", "99", "105.5", "1.5"),
        Bar.of("BTC-USD", ms("2020-01-01T00:02:00Z"), "105.5", "106", "101", "104", "2.25"));
  }

  @Test
  void barTimeIsTheOpenTimePlusThePeriodAndDecimalTextIsKeptExactly() {
    Path file = write(dir, "ethusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,7160.690,7160.690,7159.64,7159.64,5.50169100",
        "2020-01-01 00:01:00,7159.64,7160,7159.64,7160,0");

    InstrumentSeries series = load(file).instruments().get(0);

    Bar bar = series.first();
    assertThat(series.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(bar.timeMs()).isEqualTo(ms("2020-01-01T00:01:00Z"));
    assertThat(bar.open().toPlainString()).isEqualTo("7160.690");
    assertThat(bar.volume().toPlainString()).isEqualTo("5.50169100");
  }

  @Test
  void thePeriodIsTheSmallestStepBetweenBarsSoGapsDoNotStretchIt() {
    Path file = write(dir, "ltc-usd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:15:00,1,1,1,1,1",
        "2020-01-01 00:20:00,1,1,1,1,1",
        "2020-01-01 01:00:00,1,1,1,1,1");

    InstrumentSeries series = load(file).series("LTC-USD").orElseThrow();

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(series.bars()).extracting(Bar::timeMs).containsExactly(
        ms("2020-01-01T00:05:00Z"), ms("2020-01-01T00:20:00Z"), ms("2020-01-01T00:25:00Z"),
        ms("2020-01-01T01:05:00Z"));
    assertThat(series.gaps()).isEqualTo(2);
  }

  @Test
  void crlfLineEndingsAByteOrderMarkPaddedFieldsAndBlankTrailingLinesAreAllReadAsPlainCsv() {
    Path plain = write(dir, "plain_btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,100,110,90,105,1",
        "2020-01-01 00:01:00,105,115,95,100,2");
    Path messy = writeRaw(dir, "messy_btcusd.csv",
        "\uFEFF datetime , open,high ,low,close,volume\r\n"
            + "2020-01-01 00:00:00 , 100,110,90, 105 ,1\r\n"
            + "  2020-01-01 00:01:00,105,115,95,100,2  \r\n"
            + "\r\n"
            + "   \r\n");

    MarketData expected = load(plain);
    MarketData actual = load(messy);

    assertThat(actual.timeline()).isEqualTo(expected.timeline());
    assertThat(actual.report().sources().get(0).rowsRead()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "datetime     | 2020-01-01T00:00:00Z | 2020-01-02T00:00:00Z",
      "datetime     | 2020-01-01 00:00:00  | 2020-01-02 00:00:00",
      "datetime     | 2020-01-01           | 2020-01-02",
      "datetime     | 2020-01-01T01:00+01:00 | 2020-01-02T00:00:00.000Z",
      "open_time_ms | 1577836800000        | 1577923200000",
      "timestamp    | 1577836800           | 1577923200",
      "timestamp    | 1577836800000        | 1577923200000"})
  void everyTimeColumnIsReadAsTheBarsOpenTimeInUtc(String column, String first, String second) {
    Path file = write(dir, "btcusd.csv",
        column + ",open,high,low,close,volume",
        first + ",1,2,1,2,10",
        second + ",2,3,2,3,20");

    InstrumentSeries series = load(file).instruments().get(0);

    assertThat(series.period()).isEqualTo(Duration.ofDays(1));
    assertThat(series.bars()).extracting(Bar::timeMs)
        .containsExactly(ms("2020-01-02T00:00:00Z"), ms("2020-01-03T00:00:00Z"));
  }

  @Test
  void whenSeveralTimeColumnsArePresentDatetimeWinsOverOpenTimeMsWhichWinsOverTimestamp() {
    Path file = write(dir, "btcusd.csv",
        "timestamp,open_time_ms,datetime,open,high,low,close,volume",
        "0,0,2020-01-01 00:00:00,1,1,1,1,1",
        "0,0,2020-01-01 00:01:00,1,1,1,1,1");
    Path withoutDatetime = write(dir, "ethusd.csv",
        "timestamp,open_time_ms,open,high,low,close,volume",
        "0,1577836800000,1,1,1,1,1",
        "0,1577836860000,1,1,1,1,1");

    assertThat(load(file).instruments().get(0).first().timeMs()).isEqualTo(ms("2020-01-01T00:01:00Z"));
    assertThat(load(withoutDatetime).instruments().get(0).first().timeMs()).isEqualTo(ms("2020-01-01T00:01:00Z"));
  }

  @Test
  void aSymbolColumnSplitsOneFileIntoOneSeriesPerInstrumentEachCheckedOnItsOwn() {
    Path file = write(dir, "mixed.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,ETH-USD,130,131,129,130,5",
        "2020-01-01 00:00:00,BTC-USD,7000,7010,6990,7005,1",
        "2020-01-01 01:00:00,BTC-USD,7005,7020,7000,7015,2",
        "2020-01-01 01:00:00,ETH-USD,130,132,130,131,6");

    MarketData data = load(file);

    assertThat(data.instrumentNames()).containsExactly("BTC-USD", "ETH-USD");
    assertThat(data.series("BTC-USD").orElseThrow().bars()).extracting(Bar::close)
        .map(Object::toString).containsExactly("7005", "7015");
    assertThat(data.series("ETH-USD").orElseThrow().bars()).extracting(Bar::volume)
        .map(Object::toString).containsExactly("5", "6");
    assertThat(data.instruments()).allSatisfy(s -> {
      assertThat(s.period()).isEqualTo(Duration.ofHours(1));
      assertThat(s.source()).isEqualTo(file.toString());
    });
  }

  @Test
  void atSymbolNamesTheInstrumentOverTheFileNameAndTheSourceIsTheBarePath() {
    Path file = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1");

    MarketData data = MarketDataLoader.load(List.of(file + "@XBT-EUR"), LoadOptions.defaults());

    assertThat(data.instrumentNames()).containsExactly("XBT-EUR");
    assertThat(data.timeline()).extracting(Bar::instrument).containsOnly("XBT-EUR");
    assertThat(data.instruments().get(0).source()).isEqualTo(file.toString());
  }

  @Test
  void atSymbolRenamesTheSingleInstrumentOfASymbolColumnButCannotNameSeveral() {
    Path single = write(dir, "single.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,BTCUSD,1,1,1,1,1",
        "2020-01-01 00:01:00,BTCUSD,1,1,1,1,1");
    Path mixed = write(dir, "mixed.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,BTC-USD,1,1,1,1,1",
        "2020-01-01 00:00:00,ETH-USD,1,1,1,1,1");

    assertThat(MarketDataLoader.load(List.of(single + "@BTC-USD"), LoadOptions.defaults()).instrumentNames())
        .containsExactly("BTC-USD");
    assertThatThrownBy(() -> MarketDataLoader.load(List.of(mixed + "@BTC-USD"), LoadOptions.defaults()))
        .isInstanceOf(MarketDataException.class)
        .hasMessageContaining("BTC-USD, ETH-USD").hasMessageContaining("--symbol");
  }

  @Test
  void withoutAnyNameTheInstrumentIsTheFileNameUpperCased() {
    Path file = write(dir, "my_bars.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1");

    assertThat(load(file).instrumentNames()).containsExactly("MY_BARS");
  }

  @Test
  void symbolOptionKeepsOnlyThatInstrumentIgnoringCase() {
    Path btc = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1");
    Path eth = write(dir, "ethusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1");

    MarketData data = load(LoadOptions.defaults().withSymbol("eth-usd"), btc, eth);

    assertThat(data.instrumentNames()).containsExactly("ETH-USD");
    assertThat(data.timeline()).hasSize(2).extracting(Bar::instrument).containsOnly("ETH-USD");
    assertThat(data.report().sources()).extracting(SourceReport::source).containsExactly(eth.toString());
  }

  @Test
  void symbolOptionMatchingNothingNamesTheInstrumentsThatExist() {
    Path mixed = write(dir, "mixed.csv",
        "datetime,symbol,open,high,low,close,volume",
        "2020-01-01 00:00:00,ETH-USD,1,1,1,1,1",
        "2020-01-01 00:00:00,BTC-USD,1,1,1,1,1");

    assertThatThrownBy(() -> load(LoadOptions.defaults().withSymbol("LTC-USD").withBar(Duration.ofMinutes(1)), mixed))
        .isInstanceOf(MarketDataException.class)
        .hasMessageContaining("LTC-USD")
        .hasMessageContaining("available: BTC-USD, ETH-USD");
  }

  @Test
  void aMissingRequiredColumnIsNamedTogetherWithTheHeaderFoundOnLineOne() {
    Path file = write(dir, "btcusd.csv",
        "datetime,open,high,low,vol",
        "2020-01-01 00:00:00,1,1,1,1");

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(MarketDataException.class, e -> {
          assertThat(e.source()).isEqualTo(file.toString());
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.reason()).isEqualTo("missing required columns close, volume");
          assertThat(e.getMessage()).isEqualTo(file + ":1: missing required columns close, volume"
              + " (header is: datetime,open,high,low,vol)");
        });
  }

  @Test
  void aFileWithoutAnyTimeColumnNamesTheAcceptedOnes() {
    Path file = write(dir, "btcusd.csv", "date,open,high,low,close,volume", "x,1,1,1,1,1");

    assertThatThrownBy(() -> load(file)).isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith(file + ":1: missing required column datetime|open_time_ms|timestamp");
  }

  @Test
  void aLoneBarHasNoPeriodToInferUnlessBarIsGiven() {
    Path file = write(dir, "btcusd.csv", "datetime,open,high,low,close,volume", "2020-01-01,1,1,1,1,1");

    assertThatThrownBy(() -> load(file)).isInstanceOf(MarketDataException.class).hasMessageContaining("--bar");
    assertThat(load(LoadOptions.defaults().withBar(Duration.ofDays(1)), file).instruments().get(0).period())
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void emptyFilesAndHeaderOnlyFilesAreRefused() {
    Path empty = writeRaw(dir, "empty.csv", "");
    Path headerOnly = write(dir, "header.csv", "datetime,open,high,low,close,volume", "");

    assertThatThrownBy(() -> load(empty)).isInstanceOf(MarketDataException.class).hasMessageContaining("no header");
    assertThatThrownBy(() -> load(headerOnly)).isInstanceOf(MarketDataException.class)
        .hasMessage(headerOnly + ": no data rows");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> load(missing)).isInstanceOf(MarketDataException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void everyLoadedBarIsTradable() {
    Path file = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,0",
        "2020-01-01 00:01:00,0.00000001,5,0.00000001,5,0.5");

    assertThat(load(file).timeline()).allSatisfy(bar -> assertThat(bar.defect()).isEmpty());
  }
}
