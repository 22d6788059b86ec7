package io.strikeswarm.swarm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in sets are real exchange data read from the ta4j-examples jar's resources. */
class BuiltinSetsTest {
  private static MarketData load(String spec, LoadOptions options) {
    return MarketDataLoader.load(List.of(spec), options);
  }

  @Test
  void bitstampTradesBecomeBtcUsdFiveMinuteBarsHoldingEveryTradedAmount() {
    MarketData data = load("builtin:bitstamp-btcusd-2013", LoadOptions.defaults());

    InstrumentSeries series = data.series("BTC-USD").orElseThrow();
    assertThat(series.source()).isEqualTo("builtin:bitstamp-btcusd-2013");
    assertThat(series.period()).isEqualTo(Duration.ofMinutes(5));
    // Expected values computed independently from the raw resource (100,000 trades, 1385337600..1385913725 s).
    BigDecimal volume = series.bars().stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(volume).isEqualByComparingTo("175778.654356770000");
    assertThat(series.first().open()).isEqualByComparingTo("800.01");
    assertThat(series.first().timeMs()).isEqualTo(1385337600_000L + 300_000);
    assertThat(series.last().close()).isEqualByComparingTo("999");
    assertThat(series.last().timeMs()).isEqualTo(Instant.parse("2013-12-01T16:05:00Z").toEpochMilli());
    assertThat(series.bars()).hasSize(1917).allSatisfy(bar -> assertThat(bar.defect()).isEmpty());
    assertThat(series.gaps()).isEqualTo(2);
    SourceReport report = data.report().sources().get(0);
    assertThat(report.rowsRead()).isEqualTo(100_000);
    assertThat(report.skipped()).isEmpty();
  }

  @Test
  void bitstampTradesAggregateIntoTheBarOption() {
    MarketData hourly = load("builtin:bitstamp-btcusd-2013", LoadOptions.defaults().withBar(Duration.ofHours(1)));

    InstrumentSeries series = hourly.instruments().get(0);
    assertThat(series.period()).isEqualTo(Duration.ofHours(1));
    assertThat(series.bars()).allSatisfy(bar -> assertThat(bar.timeMs() % 3_600_000).isZero());
    assertThat(series.bars().stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("175778.654356770000");
  }

  @Test
  void binanceUsEthBarsAreStampedOneMillisecondAfterTheirEndTime() {
    InstrumentSeries series = load("builtin:binanceus-ethusd-5m-2023", LoadOptions.defaults())
        .series("ETH-USD").orElseThrow();

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(series.bars()).hasSize(580).allSatisfy(bar -> assertThat(bar.defect()).isEmpty());
    assertThat(series.gaps()).isZero();
    assertThat(series.first()).isEqualTo(
        Bar.of("ETH-USD", 1678730699999L + 1, "1673.58", "1677.62", "1672.44", "1672.99", "65.3033"));
    assertThat(series.last().timeMs()).isEqualTo(1678904399999L + 1);
    assertThat(series.last().volume().toPlainString()).isEqualTo("419.89");
  }

  @Test
  void jsonDecimalsKeepTheirWrittenScale() {
    InstrumentSeries series = load("builtin:binanceus-ethusd-5m-2023", LoadOptions.defaults()).instruments().get(0);

    // The file writes "lowPrice": 1680.0; a double or a normalising reader would give 1680 or 1.68E+3.
    assertThat(series.bars()).extracting(bar -> bar.low().toString()).contains("1680.0");
  }

  @Test
  void binanceUsEthBarsResampleLikeAFile() {
    InstrumentSeries series = load("builtin:binanceus-ethusd-5m-2023",
        LoadOptions.defaults().withBar(Duration.ofMinutes(15))).instruments().get(0);

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(15));
    assertThat(series.bars()).hasSizeBetween(580 / 3, 580 / 3 + 2);
    assertThat(series.bars().stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(load("builtin:binanceus-ethusd-5m-2023", LoadOptions.defaults()).timeline().stream()
            .map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void atSymbolRenamesABuiltinAndBothBuiltinsLoadTogether() {
    MarketData data = MarketDataLoader.load(
        List.of("builtin:bitstamp-btcusd-2013@XBT-USD", "builtin:binanceus-ethusd-5m-2023"), LoadOptions.defaults());

    assertThat(data.instrumentNames()).containsExactly("ETH-USD", "XBT-USD");
    assertThat(data.report().sources()).extracting(SourceReport::source)
        .containsExactly("builtin:bitstamp-btcusd-2013", "builtin:binanceus-ethusd-5m-2023");
  }

  @Test
  void builtinsAreListedWithTheirInstrumentAndADescription() {
    assertThat(MarketDataLoader.builtins()).extracting(BuiltinSet::spec, BuiltinSet::instrument)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("builtin:bitstamp-btcusd-2013", "BTC-USD"),
            org.assertj.core.groups.Tuple.tuple("builtin:binanceus-ethusd-5m-2023", "ETH-USD"));
    assertThat(MarketDataLoader.builtins()).allSatisfy(set -> assertThat(set.description()).isNotBlank());
  }

  @Test
  void anUnknownBuiltinNamesTheKnownOnes() {
    assertThatThrownBy(() -> load("builtin:kraken", LoadOptions.defaults()))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("builtin:kraken: unknown builtin 'kraken'; known: builtin:bitstamp-btcusd-2013, "
            + "builtin:binanceus-ethusd-5m-2023");
  }
}
