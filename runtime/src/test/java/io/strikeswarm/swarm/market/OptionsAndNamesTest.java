package io.strikeswarm.swarm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsAndNamesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"1m, PT1M", "5m, PT5M", "15m, PT15M", "1h, PT1H", "4h, PT4H", "1d, PT24H"})
  void theOperatorsBarValuesAreTheSixSupportedPeriods(String text, String iso) {
    assertThat(LoadOptions.parseBar(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2m", "1M", "5min", "60", "1w", "", "PT5M"})
  void anyOtherBarValueIsRefusedListingTheSupportedOnes(String text) {
    assertThatThrownBy(() -> LoadOptions.parseBar(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported bar '" + text + "': use one of 1m, 5m, 15m, 1h, 4h, 1d");
  }

  @Test
  void optionsRefuseMeaninglessValues() {
    assertThatThrownBy(() -> LoadOptions.defaults().withBar(Duration.ZERO)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadOptions.defaults().withBar(Duration.ofNanos(1500))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadOptions.defaults().withSymbol(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(LoadOptions.defaults().skipBadRows()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "data/x.csv@BTC-USD          | data/x.csv            | BTC-USD",
      "builtin:bitstamp-btcusd-2013@XBT | builtin:bitstamp-btcusd-2013 | XBT",
      "data/x.csv                  | data/x.csv            | ''",
      "runs@home/x.csv             | runs@home/x.csv       | ''",
      "data/x.csv@                 | data/x.csv@           | ''",
      "a@b/x.csv@ETH-USD           | a@b/x.csv             | ETH-USD"})
  void aSpecIsALocationWithAnOptionalTrailingSymbol(String spec, String location, String symbol) {
    SourceSpec parsed = SourceSpec.parse(spec);

    assertThat(parsed.location()).isEqualTo(location);
    assertThat(parsed.symbol()).isEqualTo(symbol.isEmpty() ? Optional.empty() : Optional.of(symbol));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "bitstamp_btcusd_1m_2020-01-01.csv, BTC-USD",
      "binance_btcusdt_1d_2020.csv, BTC-USDT",
      "ethusdt.csv, ETH-USDT",
      "btc_usd.csv, BTC-USD",
      "ltc-usd.csv, LTC-USD",
      "coinbase_ethusd_4h.csv, ETH-USD",
      "ETH-USD-PT5M-2023-3-13_2023-3-15.json, ETH-USD",
      "dogeusdc.csv, DOGE-USDC",
      "ethbtc.csv, ETH-BTC",
      "teeth.csv, TEETH",
      "my_bars.csv, MY_BARS",
      "bitstamp.csv, BITSTAMP",
      "noextension, NOEXTENSION"})
  void withoutAnExplicitNameTheInstrumentComesFromAPairInTheFileNameOrElseTheFileName(String file, String expected) {
    assertThat(InstrumentNames.fromFileName(file)).isEqualTo(expected);
  }
}
