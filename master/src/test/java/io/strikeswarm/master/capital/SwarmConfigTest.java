package io.strikeswarm.master.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.master.support.SwarmTestKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A swarm plan that cannot be run is refused before anything is written, naming the setting at fault. */
@DisplayName("A swarm plan")
class SwarmConfigTest {

  /** 100,000, 5% reserve, weights .25/.25/.5, 4 long and 3 short sma-cross bots, no AMM bots. */
  private static SwarmConfig valid() {
    return SwarmTestKit.swarm("100000", "0.05", "0.25", "0.25", "0.5", 4, 3, 0);
  }

  @Test
  @DisplayName("that can be run validates to itself")
  void validPlan() {
    SwarmConfig config = valid();
    assertThat(config.validate()).isSameAs(config);
  }

  @Test
  @DisplayName("may keep no reserve, and may give a diamond no weight")
  void edgesThatAreAllowed() {
    assertThat(capital("1", "0").validate()).isNotNull();
    assertThat(capital("0.01", "0.9999").validate()).isNotNull();
    SwarmConfig noShort = diamond(valid(), DiamondKind.SHORT_STRIKE, d -> new DiamondConfig(BigDecimal.ZERO, 0,
        List.of()));
    SwarmConfig longTakesAll = diamond(diamond(noShort, DiamondKind.AMM, d -> new DiamondConfig(BigDecimal.ZERO, 0,
        List.of())), DiamondKind.LONG_STRIKE, d -> new DiamondConfig(BigDecimal.ONE, d.bots(), d.templates()));
    assertThat(longTakesAll.validate()).isSameAs(longTakesAll);
  }

  @Test
  @DisplayName("AMM bots need no directional templates: their routes come from the chain they run on")
  void ammBotsWithoutTemplates() {
    SwarmConfig withAmm = diamond(valid(), DiamondKind.AMM, d -> new DiamondConfig(d.weight(), 50, List.of()));
    assertThat(withAmm.validate()).isSameAs(withAmm);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("badSettings")
  @DisplayName("is refused with a ConfigError naming the setting")
  void refusesABadSetting(SwarmConfig config, String setting) {
    assertThatThrownBy(config::validate)
        .isInstanceOfSatisfying(ConfigError.class, e -> {
          assertThat(e.setting()).isEqualTo(setting);
          assertThat(e.getMessage()).startsWith(setting + ": ");
        });
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("zero capital", capital("0", "0.05"), "swarm.capital.total"),
        bad("negative capital", capital("-100", "0.05"), "swarm.capital.total"),
        bad("no capital", capital(null, "0.05"), "swarm.capital.total"),
        bad("negative reserve", capital("100000", "-0.01"), "swarm.capital.reserve"),
        bad("a reserve of everything", capital("100000", "1"), "swarm.capital.reserve"),
        bad("a reserve above everything", capital("100000", "1.5"), "swarm.capital.reserve"),
        bad("no reserve ratio", capital("100000", null), "swarm.capital.reserve"),
        bad("weights summing to 0.9", weights("0.25", "0.25", "0.4"), "swarm.diamonds.*.weight"),
        bad("weights summing to 1.01", weights("0.26", "0.25", "0.5"), "swarm.diamonds.*.weight"),
        bad("a negative weight", weights("-0.25", "0.75", "0.5"), "swarm.diamonds.long-strike.weight"),
        bad("a weight above 1", weights("0.25", "1.25", "-0.5"), "swarm.diamonds.short-strike.weight"),
        bad("a negative long bot count", bots(DiamondKind.LONG_STRIKE, -1), "swarm.diamonds.long-strike.bots"),
        bad("a negative short bot count", bots(DiamondKind.SHORT_STRIKE, -3), "swarm.diamonds.short-strike.bots"),
        bad("a three-digit bot count", bots(DiamondKind.LONG_STRIKE, 100), "swarm.diamonds.long-strike.bots"),
        bad("bots without templates", diamond(valid(), DiamondKind.LONG_STRIKE,
            d -> new DiamondConfig(d.weight(), d.bots(), List.of())), "swarm.diamonds.long-strike.templates"),
        bad("an unknown strategy", template(DiamondKind.LONG_STRIKE, 0,
            new BotTemplate("buy-the-dip", Map.of(), "BTC-USD", "paper", BigDecimal.TEN, BigDecimal.ONE)),
            "swarm.diamonds.long-strike.templates[0]"),
        bad("an unknown parameter of the second template", template(DiamondKind.LONG_STRIKE, 1,
            new BotTemplate("sma-cross", Map.of("window", "5"), "ETH-USD", "paper", BigDecimal.TEN, BigDecimal.ONE)),
            "swarm.diamonds.long-strike.templates[1]"),
        bad("a short window not below the long one", template(DiamondKind.SHORT_STRIKE, 0,
            new BotTemplate("sma-cross", Map.of("short", "9", "long", "9"), "BTC-USD", "paper", BigDecimal.TEN,
                BigDecimal.ONE)), "swarm.diamonds.short-strike.templates[0]"),
        bad("a negative fee", template(DiamondKind.SHORT_STRIKE, 0,
            new BotTemplate("sma-cross", Map.of(), "BTC-USD", "paper", new BigDecimal("-1"), BigDecimal.ONE)),
            "swarm.diamonds.short-strike.templates[0]"),
        bad("a blank instrument", template(DiamondKind.LONG_STRIKE, 0,
            new BotTemplate("sma-cross", Map.of(), " ", "paper", BigDecimal.TEN, BigDecimal.ONE)),
            "swarm.diamonds.long-strike.templates[0]"),
        bad("a missing diamond", without(DiamondKind.AMM), "swarm.diamonds.amm"),
        bad("a rebalance step of 0", rebalance(new RebalanceSettings(BigDecimal.ZERO, 5, new BigDecimal("0.5"),
            new BigDecimal("2"), Duration.ZERO)), "swarm.rebalance.step"),
        bad("negative rebalance pairs", rebalance(new RebalanceSettings(new BigDecimal("0.1"), -1,
            new BigDecimal("0.5"), new BigDecimal("2"), Duration.ZERO)), "swarm.rebalance.max-pairs"),
        bad("a minimum factor above 1", rebalance(new RebalanceSettings(new BigDecimal("0.1"), 5,
            new BigDecimal("1.5"), new BigDecimal("2"), Duration.ZERO)), "swarm.rebalance.min-factor"),
        bad("a maximum factor below 1", rebalance(new RebalanceSettings(new BigDecimal("0.1"), 5,
            new BigDecimal("0.5"), new BigDecimal("0.9"), Duration.ZERO)), "swarm.rebalance.max-factor"),
        bad("a negative rebalance interval", rebalance(new RebalanceSettings(new BigDecimal("0.1"), 5,
            new BigDecimal("0.5"), new BigDecimal("2"), Duration.ofMinutes(-1))), "swarm.rebalance.interval"));
  }

  // ---- plan builders -----------------------------------------------------------------------------------------

  private static Arguments bad(String what, SwarmConfig config, String setting) {
    return Arguments.of(Named.of(what, config), setting);
  }

  private static SwarmConfig capital(String total, String reserve) {
    SwarmConfig v = valid();
    return new SwarmConfig(total == null ? null : new BigDecimal(total), reserve == null ? null
        : new BigDecimal(reserve), v.diamonds(), v.rebalance());
  }

  private static SwarmConfig weights(String longWeight, String shortWeight, String ammWeight) {
    SwarmConfig c = valid();
    c = diamond(c, DiamondKind.LONG_STRIKE,
        d -> new DiamondConfig(new BigDecimal(longWeight), d.bots(), d.templates()));
    c = diamond(c, DiamondKind.SHORT_STRIKE,
        d -> new DiamondConfig(new BigDecimal(shortWeight), d.bots(), d.templates()));
    return diamond(c, DiamondKind.AMM, d -> new DiamondConfig(new BigDecimal(ammWeight), d.bots(), d.templates()));
  }

  private static SwarmConfig bots(DiamondKind kind, int bots) {
    return diamond(valid(), kind, d -> new DiamondConfig(d.weight(), bots,
        d.templates().isEmpty() ? List.of(SwarmTestKit.smaTemplate("BTC-USD")) : d.templates()));
  }

  private static SwarmConfig template(DiamondKind kind, int index, BotTemplate template) {
    return diamond(valid(), kind, d -> {
      var templates = new java.util.ArrayList<>(d.templates());
      while (templates.size() <= index) templates.add(SwarmTestKit.smaTemplate("SOL-USD"));
      templates.set(index, template);
      return new DiamondConfig(d.weight(), d.bots(), templates);
    });
  }

  private static SwarmConfig without(DiamondKind kind) {
    SwarmConfig v = valid();
    Map<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(v.diamonds());
    diamonds.remove(kind);
    return new SwarmConfig(v.totalCapital(), v.reserveRatio(), diamonds, v.rebalance());
  }

  private static SwarmConfig rebalance(RebalanceSettings settings) {
    SwarmConfig v = valid();
    return new SwarmConfig(v.totalCapital(), v.reserveRatio(), v.diamonds(), settings);
  }

  private static SwarmConfig diamond(SwarmConfig config, DiamondKind kind, UnaryOperator<DiamondConfig> change) {
    Map<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(config.diamonds());
    diamonds.put(kind, change.apply(config.diamond(kind)));
    return new SwarmConfig(config.totalCapital(), config.reserveRatio(), diamonds, config.rebalance());
  }
}
