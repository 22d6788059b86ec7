package io.strikeswarm.bots.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.strikeswarm.bots.domain.Side;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyCatalogTest {

  @Test
  void fourStrategiesAreOnOfferSortedByName() {
    assertThat(StrategyCatalog.names()).containsExactly("breakout", "mean-reversion", "momentum", "sma-cross");
  }

  @ParameterizedTest
  @EnumSource(Side.class)
  void missingParametersTakeTheirDefaultsOnTheRequestedSide(Side side) {
    assertThat(StrategyCatalog.create("sma-cross", Map.of(), side)).isEqualTo(new SmaCrossStrategy(10, 30, side));
    assertThat(StrategyCatalog.create("momentum", Map.of(), side)).isEqualTo(new MomentumStrategy(12, 1.0, 50, side));
    assertThat(StrategyCatalog.create("mean-reversion", Map.of(), side))
        .isEqualTo(new MeanReversionStrategy(20, 2.0, 14, 30, 70, side));
    assertThat(StrategyCatalog.create("breakout", Map.of(), side))
        .isEqualTo(new BreakoutStrategy(20, 10, 14, 1.0, side));
  }

  @Test
  void givenParametersOverrideTheDefaultsIgnoringSurroundingBlanks() {
    assertThat(StrategyCatalog.create("sma-cross", Map.of("short", " 5", "long", "8 "), Side.LONG))
        .isEqualTo(new SmaCrossStrategy(5, 8, Side.LONG));
    assertThat(StrategyCatalog.create("mean-reversion", Map.of("k", "2.5", "oversold", "20"), Side.SHORT))
        .isEqualTo(new MeanReversionStrategy(20, 2.5, 14, 20, 70, Side.SHORT));
  }

  @Test
  void parametersListsEveryParameterInUseSortedByName() {
    assertThat(StrategyCatalog.create("sma-cross", Map.of("short", "5"), Side.LONG).parameters())
        .containsExactly(entry("long", "30"), entry("short", "5"));
    assertThat(StrategyCatalog.create("momentum", Map.of(), Side.LONG).parameters())
        .containsExactly(entry("roc", "12"), entry("threshold", "1.0"), entry("trend", "50"));
    assertThat(StrategyCatalog.create("mean-reversion", Map.of(), Side.LONG).parameters())
        .containsExactly(entry("k", "2.0"), entry("overbought", "70.0"), entry("oversold", "30.0"),
            entry("period", "20"), entry("rsi", "14"));
    assertThat(StrategyCatalog.create("breakout", Map.of("expansion", "1.25"), Side.LONG).parameters())
        .containsExactly(entry("atr", "14"), entry("entry", "20"), entry("exit", "10"), entry("expansion", "1.25"));
  }

  @ParameterizedTest
  @EnumSource(Side.class)
  void whatParametersListsBuildsTheSameStrategyAgain(Side side) {
    for (String name : StrategyCatalog.names()) {
      Strategy strategy = StrategyCatalog.create(name, Map.of(), side);
      assertThat(strategy.name()).isEqualTo(name);
      assertThat(strategy.side()).isEqualTo(side);
      assertThat(StrategyCatalog.create(name, strategy.parameters(), side)).isEqualTo(strategy);
    }
  }

  @Test
  void describeIsTheNameWithEveryParameterSorted() {
    assertThat(StrategyCatalog.describe(StrategyCatalog.create("sma-cross", Map.of(), Side.LONG)))
        .isEqualTo("sma-cross(long=30,short=10)");
    assertThat(StrategyCatalog.describe(new BreakoutStrategy(20, 10, 14, 1.5, Side.SHORT)))
        .isEqualTo("breakout(atr=14,entry=20,exit=10,expansion=1.5)");
  }

  @Test
  void anUnknownStrategyIsRefusedNamingItAndTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("rsi-revert", Map.of(), Side.LONG))
        .withMessage("unknown strategy 'rsi-revert' (known: breakout, mean-reversion, momentum, sma-cross)");
  }

  @Test
  void anUnknownParameterIsRefusedNamingItAndTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("lenght", "30"), Side.LONG))
        .withMessage("strategy 'sma-cross': unknown parameter 'lenght' (known: long, short)");
    // Sizing is the risk layer's business now, not a strategy parameter.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("breakout", Map.of("fraction", "0.5"), Side.SHORT))
        .withMessage("strategy 'breakout': unknown parameter 'fraction' (known: atr, entry, exit, expansion)");
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      sma-cross      | short      | 0         | a whole number from 1 to 1000
      sma-cross      | short      | -3        | a whole number from 1 to 1000
      sma-cross      | short      | 1001      | a whole number from 1 to 1000
      sma-cross      | short      | 2.5       | a whole number
      sma-cross      | short      | ten       | a whole number
      sma-cross      | short      | ""        | a whole number
      sma-cross      | short      | 99999999999 | a whole number
      sma-cross      | long       | 10        | a whole number greater than short (10) and at most 1000
      sma-cross      | long       | 5         | a whole number greater than short (10) and at most 1000
      momentum       | roc        | 0         | a whole number from 1 to 1000
      momentum       | trend      | 1         | a whole number from 2 to 1000
      momentum       | threshold  | -0.5      | a finite number of at least 0
      momentum       | threshold  | NaN       | a number
      momentum       | threshold  | Infinity  | a number
      momentum       | threshold  | 1e400     | a finite number of at least 0
      momentum       | threshold  | 1%        | a number
      momentum       | threshold  | 0x10      | a number
      mean-reversion | period     | 1         | a whole number from 2 to 1000
      mean-reversion | rsi        | 0         | a whole number from 1 to 1000
      mean-reversion | k          | 0         | a finite number greater than 0
      mean-reversion | k          | -2        | a finite number greater than 0
      mean-reversion | k          | 1e999     | a finite number greater than 0
      mean-reversion | k          | two       | a number
      mean-reversion | oversold   | 0         | a number greater than 0 and less than 100
      mean-reversion | oversold   | 100       | a number greater than 0 and less than 100
      mean-reversion | overbought | 30        | a number greater than oversold (30.0) and less than 100
      mean-reversion | overbought | 25        | a number greater than oversold (30.0) and less than 100
      mean-reversion | overbought | 100       | a number greater than oversold (30.0) and less than 100
      breakout       | entry      | 0         | a whole number from 2 to 1000
      breakout       | entry      | 1         | a whole number from 2 to 1000
      breakout       | exit       | -1        | a whole number from 1 to 1000
      breakout       | atr        | 1.5       | a whole number
      breakout       | expansion  | 0         | a finite number greater than 0
      breakout       | expansion  | -1.0      | a finite number greater than 0
      """)
  void aBadValueIsRefusedNamingTheStrategyTheParameterTheRequirementAndTheTextGiven(String strategy, String key,
      String raw, String requirement) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create(strategy, Map.of(key, raw), Side.LONG))
        .withMessage("strategy '%s': parameter '%s' must be %s, got '%s'", strategy, key, requirement, raw);
  }

  @Test
  void oversoldAtOrAboveTheDefaultOverboughtIsRefusedAgainstThatDefault() {
    // oversold 75 passes its own range check; the default overbought of 70 is then not above it.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("mean-reversion", Map.of("oversold", "75"), Side.LONG))
        .withMessage("strategy 'mean-reversion': parameter 'overbought' must be a number greater than oversold (75.0)"
            + " and less than 100, got '70'");
  }

  @Test
  void aShortWindowAtOrAboveTheDefaultLongOneIsRefusedAgainstThatDefault() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("short", "40"), Side.LONG))
        .withMessage("strategy 'sma-cross': parameter 'long' must be a whole number greater than short (40) and at"
            + " most 1000, got '30'");
  }

  @Test
  void aMissingValueIsRefusedLikeAnyOtherBadValue() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("k", null);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("mean-reversion", parameters, Side.LONG))
        .withMessage("strategy 'mean-reversion': parameter 'k' must be a number, got 'null'");
  }

  @Test
  void theConstructorsRefuseWhatTheCatalogRefusesQuotingTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> new MeanReversionStrategy(20, Double.NaN, 14, 30, 70,
        Side.LONG)).withMessage("strategy 'mean-reversion': parameter 'k' must be a finite number greater than 0,"
            + " got 'NaN'");
    assertThatIllegalArgumentException().isThrownBy(() -> new MomentumStrategy(12, Double.POSITIVE_INFINITY, 50,
        Side.LONG)).withMessage("strategy 'momentum': parameter 'threshold' must be a finite number of at least 0,"
            + " got 'Infinity'");
    assertThatIllegalArgumentException().isThrownBy(() -> new SmaCrossStrategy(4, 4, Side.LONG))
        .withMessage("strategy 'sma-cross': parameter 'long' must be a whole number greater than short (4) and at"
            + " most 1000, got '4'");
    assertThatIllegalArgumentException().isThrownBy(() -> new BreakoutStrategy(20, 10, 14, Double.NaN, Side.LONG))
        .withMessage("strategy 'breakout': parameter 'expansion' must be a finite number greater than 0, got 'NaN'");
  }
}
