package io.strikeswarm.master.diamond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.master.support.SwarmTestKit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An operator's change of a bot's parameters, checked against the strategy catalog. */
@DisplayName("A parameter change")
class ParameterChangeTest {
  /** sma-cross with short 2, long 4. */
  private static final BotConfig CURRENT = SwarmTestKit.smaCross("BTC-USD", Side.LONG);

  @Test
  @DisplayName("is merged over the bot's parameters, and everything else of its config stays")
  void merges() {
    BotConfig next = ParameterChange.merge(CURRENT, Map.of("long", "9"));

    assertThat(next.parameters()).containsExactly(Map.entry("long", "9"), Map.entry("short", "2"));
    assertThat(next).isEqualTo(CURRENT.withParameters(Map.of("short", "2", "long", "9")));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("refusals")
  @DisplayName("is refused with a message that names the parameter")
  void refuses(String what, String message, Map<String, String> change) {
    assertThatThrownBy(() -> ParameterChange.merge(CURRENT, change)).isInstanceOf(ConfigError.class)
        .hasMessage(message);
  }

  static Stream<Arguments> refusals() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("short", null);
    return Stream.of(
        Arguments.of("text for a window", "parameters.short: must be a whole number, got 'abc'",
            Map.of("short", "abc")),
        Arguments.of("a window of 0", "parameters.short: must be a whole number from 1 to 1000, got '0'",
            Map.of("short", "0")),
        Arguments.of("a long window not above the short one",
            "parameters.long: must be a whole number greater than short (5) and at most 1000, got '5'",
            Map.of("short", "5", "long", "5")),
        Arguments.of("a parameter the strategy does not have",
            "parameters.window: is not a parameter of strategy 'sma-cross' (known: long, short)",
            Map.of("window", "5")),
        Arguments.of("a blank value", "parameters.long: must not be blank", Map.of("long", " ")),
        Arguments.of("a missing value", "parameters.short: must not be blank", nullValue),
        Arguments.of("a blank name", "parameters: a parameter name must not be blank", Map.of(" ", "3")),
        Arguments.of("no parameters", "parameters: name at least one parameter to change", Map.of()),
        Arguments.of("no map", "parameters: are missing", null));
  }
}
