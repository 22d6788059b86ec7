package io.strikeswarm.bots.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarTest {

  private static final long T = 1_700_000_040_000L;

  @Test
  void aWellFormedBarHasNoDefect() {
    assertThat(Bar.of("BTC-USD", T, "100.10", "101.00", "99.50", "100.75", "12.5").defect()).isEmpty();
  }

  @Test
  void aBarWhoseOpenAndCloseSitExactlyOnItsHighAndLowIsWellFormed() {
    assertThat(Bar.of("BTC-USD", T, "101.00", "101.00", "99.50", "99.50", "1").defect()).isEmpty();
    assertThat(Bar.of("BTC-USD", T, "42", "42", "42", "42", "0").defect()).as("a flat bar without volume").isEmpty();
  }

  @ParameterizedTest(name = "{0}: open={1} high={2} low={3} close={4} volume={5} -> {6}")
  @CsvSource(delimiter = '|', textBlock = """
      blank instrument          |   100 | 101 |  99 | 100 | 1  | instrument is blank
      zero open                 |     0 | 101 |  99 | 100 | 1  | prices must be > 0
      negative high             |   100 |  -1 |  99 | 100 | 1  | prices must be > 0
      zero low                  |   100 | 101 |   0 | 100 | 1  | prices must be > 0
      negative close            |   100 | 101 |  99 |  -5 | 1  | prices must be > 0
      negative volume           |   100 | 101 |  99 | 100 | -1 | volume must be >= 0
      high below low            |   100 |  99 | 101 | 100 | 1  | high < low
      open above high           | 101.5 | 101 |  99 | 100 | 1  | open outside [low, high]
      open below low            |  98.9 | 101 |  99 | 100 | 1  | open outside [low, high]
      close above high          |   100 | 101 |  99 | 102 | 1  | close outside [low, high]
      close below low           |   100 | 101 |  99 |  98 | 1  | close outside [low, high]
      """)
  void aMalformedBarNamesItsDefect(String label, String open, String high, String low, String close, String volume,
      String expected) {
    String instrument = label.equals("blank instrument") ? "  " : "BTC-USD";
    Bar bar = Bar.of(instrument, T, open, high, low, close, volume);
    assertThat(bar.defect()).contains(expected);
  }

  @Test
  void pricesAreCheckedBeforeTheirOrderSoAZeroLowIsReportedAsANonPositivePrice() {
    // high < low as well, but the non-positive price is the first thing wrong.
    assertThat(Bar.of("BTC-USD", T, "1", "1", "0", "1", "1").defect()).contains("prices must be > 0");
  }

  @Test
  void everyFieldIsRequiredAndTheErrorNamesIt() {
    BigDecimal one = BigDecimal.ONE;
    assertThatNullPointerException().isThrownBy(() -> new Bar(null, T, one, one, one, one, one))
        .withMessage("instrument");
    assertThatNullPointerException().isThrownBy(() -> new Bar("X", T, null, one, one, one, one)).withMessage("open");
    assertThatNullPointerException().isThrownBy(() -> new Bar("X", T, one, null, one, one, one)).withMessage("high");
    assertThatNullPointerException().isThrownBy(() -> new Bar("X", T, one, one, null, one, one)).withMessage("low");
    assertThatNullPointerException().isThrownBy(() -> new Bar("X", T, one, one, one, null, one)).withMessage("close");
    assertThatNullPointerException().isThrownBy(() -> new Bar("X", T, one, one, one, one, null))
        .withMessage("volume");
  }

  @Test
  void ofParsesDecimalStringsWithoutLosingTheirScale() {
    Bar bar = Bar.of("ETH-USD", T, "2000.10", "2001.00", "1999.95", "2000.50", "0.125");
    assertThat(bar.close()).isEqualTo(new BigDecimal("2000.50"));
    assertThat(bar.volume()).isEqualTo(new BigDecimal("0.125"));
    assertThat(bar.timeMs()).isEqualTo(T);
  }
}
