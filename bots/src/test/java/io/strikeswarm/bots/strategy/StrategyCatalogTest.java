package io.strikeswarm.bots.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrategyCatalogTest {

  @Test
  void smaCrossIsTheOnlyStrategyOnOffer() {
    assertThat(StrategyCatalog.names()).containsExactly("sma-cross");
  }

  @Test
  void smaCrossWithoutParametersUsesTenAndThirtyOnTheRequestedSide() {
    assertThat(StrategyCatalog.create("sma-cross", Map.of(), Side.SHORT))
        .isEqualTo(new SmaCrossStrategy(10, 30, Side.SHORT));
  }

  @Test
  void smaCrossTakesItsWindowsFromTheParametersIgnoringSurroundingBlanks() {
    Strategy strategy = StrategyCatalog.create("sma-cross", Map.of("short", " 2", "long", "4 ", "fraction", "0.5"),
        Side.LONG);
    assertThat(strategy).isEqualTo(new SmaCrossStrategy(2, 4, Side.LONG));
    assertThat(strategy.lookback()).isEqualTo(8);
    assertThat(strategy.side()).isEqualTo(Side.LONG);
  }

  @Test
  void anUnknownStrategyIsRefusedNamingItAndTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("rsi-revert", Map.of(), Side.LONG))
        .withMessage("unknown strategy 'rsi-revert' (known: sma-cross)");
  }

  @Test
  void anUnknownParameterIsRefusedNamingItAndTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("lenght", "30"), Side.LONG))
        .withMessage("strategy 'sma-cross': unknown parameter 'lenght' (known: fraction, long, short)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "2.5", "ten", "", "99999999999"})
  void aWindowThatIsNotAPositiveIntegerIsRefusedNamingTheParameterAndTheValue(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("short", raw), Side.LONG))
        .withMessage("strategy 'sma-cross': parameter 'short' must be a positive integer, got '" + raw + "'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("long", raw), Side.LONG))
        .withMessage("strategy 'sma-cross': parameter 'long' must be a positive integer, got '" + raw + "'");
  }

  @Test
  void aLongWindowNotLongerThanTheShortOneIsRefusedNamingTheStrategy() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("short", "20", "long", "20"), Side.LONG))
        .withMessage("strategy 'sma-cross': long must be > short");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("short", "40"), Side.LONG))
        .as("short 40 against the default long of 30")
        .withMessage("strategy 'sma-cross': long must be > short");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.1", "1.0001", "2", "half", ""})
  void aFractionOutsideZeroToOneIsRefusedNamingTheParameterAndTheValue(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StrategyCatalog.create("sma-cross", Map.of("fraction", raw), Side.LONG))
        .withMessage("strategy 'sma-cross': parameter 'fraction' must be a number in (0, 1], got '" + raw + "'");
  }

  @Test
  void theFractionDefaultsToNinetyFivePercentAndMayBeTheWholeEquity() {
    assertThat(StrategyCatalog.fraction(Map.of())).isEqualByComparingTo("0.95");
    assertThat(StrategyCatalog.fraction(Map.of("fraction", "1"))).isEqualByComparingTo("1");
    assertThat(StrategyCatalog.fraction(Map.of("fraction", " 0.25 "))).isEqualByComparingTo("0.25");
  }

  // ---- the config a bot validates before it accepts it ------------------------------------------------------

  private static BotConfig config(String instrument, String venue, String feeBps, String slippageBps) {
    return new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), instrument, venue, Side.LONG,
        new BigDecimal(feeBps), new BigDecimal(slippageBps));
  }

  @Test
  void aValidConfigYieldsItsStrategy() {
    assertThat(config("BTC-USD", "paper", "10", "5").validate()).isEqualTo(new SmaCrossStrategy(2, 4, Side.LONG));
    assertThat(config("BTC-USD", "paper", "0", "1000").validate()).as("both bounds are inclusive").isNotNull();
  }

  @Test
  void aBlankInstrumentOrVenueIsRefusedNamingTheSetting() {
    assertThatIllegalArgumentException().isThrownBy(() -> config(" ", "paper", "10", "5").validate())
        .withMessage("instrument must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> config("BTC-USD", "", "10", "5").validate())
        .withMessage("venue must not be blank");
  }

  @Test
  void costsOutsideZeroToAThousandBasisPointsAreRefusedNamingTheSettingAndTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> config("BTC-USD", "paper", "-0.5", "5").validate())
        .withMessage("feeBps must be in [0, 1000], got -0.5");
    assertThatIllegalArgumentException().isThrownBy(() -> config("BTC-USD", "paper", "1000.01", "5").validate())
        .withMessage("feeBps must be in [0, 1000], got 1000.01");
    assertThatIllegalArgumentException().isThrownBy(() -> config("BTC-USD", "paper", "10", "-1").validate())
        .withMessage("slippageBps must be in [0, 1000], got -1");
    assertThatIllegalArgumentException().isThrownBy(() -> config("BTC-USD", "paper", "10", "2000").validate())
        .withMessage("slippageBps must be in [0, 1000], got 2000");
  }

  @Test
  void aConfigNamingAnUnknownStrategyIsRefusedWithTheCatalogsMessage() {
    BotConfig config = new BotConfig("macd", Map.of(), "BTC-USD", "paper", Side.LONG, BigDecimal.TEN, BigDecimal.ONE);
    assertThatIllegalArgumentException().isThrownBy(config::validate)
        .withMessage("unknown strategy 'macd' (known: sma-cross)");
  }

  @Test
  void changingParametersKeepsEverythingElse() {
    BotConfig config = config("BTC-USD", "paper", "10", "5");
    BotConfig changed = config.withParameters(Map.of("short", "3", "long", "9"));
    assertThat(changed.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("short", "3", "long", "9"));
    assertThat(changed.validate()).isEqualTo(new SmaCrossStrategy(3, 9, Side.LONG));
    assertThat(changed).usingRecursiveComparison().ignoringFields("parameters").isEqualTo(config);
  }
}
