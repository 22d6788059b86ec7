package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trade files (timestamp, price, amount) become bars of --bar, 5m by default, aligned to epoch multiples. */
class TradeAggregationTest {
  private static final long T0 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  @TempDir Path dir;

  private Path trades() {
    return write(dir, "trades_btcusd.csv",
        "timestamp,price,amount",
        "1577836800,7000.5,0.10",   // 00:00:00
        "1577836800,7001,0.20",     // same second: normal for bursts of fills
        "1577836859,6990,0.05",     // 00:00:59
        "1577836920,7010,1",        // 00:02:00
        "1577837100,7020,2",        // 00:05:00, next 5m bucket
        "1577837999,7030,0.5");     // 00:19:59, after empty buckets
  }

  @Test
  void tradesBecomeFiveMinuteBarsByDefaultWithFirstMaxMinLastAndSummedAmount() {
    InstrumentSeries series = load(trades()).series("BTC-USD").orElseThrow();

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(series.bars()).containsExactly(
        Bar.of("BTC-USD", T0 + 5 * MINUTE, "7000.5", "7010", "6990", "7010", "1.35"),
        Bar.of("BTC-USD", T0 + 10 * MINUTE, "7020", "7020", "7020", "7020", "2"),
        Bar.of("BTC-USD", T0 + 20 * MINUTE, "7030", "7030", "7030", "7030", "0.5"));
  }

  @Test
  void bucketsWithoutTradesProduceNoBarSoTheGapIsVisible() {
    MarketData data = load(trades());

    assertThat(data.instruments().get(0).gaps()).isEqualTo(1);
    assertThat(data.report().sources().get(0).gaps()).isEqualTo(1);
    assertThat(data.report().sources().get(0).rowsRead()).isEqualTo(6);
  }

  @Test
  void barOptionChoosesTheBucketSize() {
    InstrumentSeries series = load(LoadOptions.defaults().withBar(Duration.ofMinutes(1)), trades()).instruments()
        .get(0);

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(series.bars()).extracting(Bar::timeMs).containsExactly(
        T0 + MINUTE, T0 + 3 * MINUTE, T0 + 6 * MINUTE, T0 + 20 * MINUTE);
    assertThat(series.first()).isEqualTo(Bar.of("BTC-USD", T0 + MINUTE, "7000.5", "7001", "6990", "6990", "0.35"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amount", "volume", "size", "Amount"})
  void theTradedQuantityMayBeCalledAmountVolumeOrSize(String column) {
    Path file = write(dir, "trades_ethusd.csv",
        "price,timestamp," + column,
        "130,1577836800,2",
        "131,1577836801,3");

    assertThat(load(file).timeline()).containsExactly(
        Bar.of("ETH-USD", T0 + 5 * MINUTE, "130", "131", "130", "131", "5"));
  }

  @Test
  void millisecondTimestampsAreRecognisedByTheirSize() {
    Path file = write(dir, "trades_ethusd.csv",
        "timestamp,price,amount",
        "1577836800000,130,2",
        "1577836800999,131,3");

    assertThat(load(file).timeline()).containsExactly(
        Bar.of("ETH-USD", T0 + 5 * MINUTE, "130", "131", "130", "131", "5"));
  }

  @Test
  void aTradeFileWithoutAnAmountColumnIsRefusedOnItsHeaderLine() {
    Path file = write(dir, "trades_ethusd.csv", "timestamp,price,qty", "1577836800,130,2");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> load(file))
        .hasMessageStartingWith(file + ":1: missing required column amount|volume|size");
  }
}
