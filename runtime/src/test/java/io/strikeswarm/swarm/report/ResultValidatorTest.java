package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.HOUR;
import static io.strikeswarm.swarm.report.Results.T0;
import static io.strikeswarm.swarm.report.Results.bd;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultValidatorTest {

  static Stream<Arguments> badResults() {
    return Stream.of(
        bad("equity is empty", r -> r.equity.clear()),
        bad("equity is missing", r -> r.equity = null),
        bad("equity[1] is missing", r -> r.equity.set(1, null)),
        bad("equity[2].equity is missing", r -> r.equity.set(2, new EquityPoint(T0 + 9 * HOUR, null, Map.of(), "N"))),
        bad("equity[0].tradingState is missing", r -> r.equity.set(0, new EquityPoint(T0, bd("1"), Map.of(), null))),
        bad("equity[0].diamondEquity is missing", r -> r.equity.set(0, new EquityPoint(T0, bd("1"), null, "N"))),
        bad("equity[0].diamondEquity['amm'] is missing", r -> {
          Map<String, BigDecimal> diamonds = new HashMap<>();
          diamonds.put("amm", null);
          r.equity.set(0, new EquityPoint(T0, bd("1"), diamonds, "N"));
        }),
        bad("equity[2].timeMs", r -> r.equity.set(2, new EquityPoint(T0 + HOUR, bd("1"), Map.of(), "N"))),
        bad("initialCapital is missing", r -> r.initialCapital = null),
        bad("initialCapital must be positive, got 0", r -> r.initialCapital = BigDecimal.ZERO),
        bad("settings is missing", r -> r.settings = null),
        bad("settings['fill'] is missing", r -> r.settings.put("fill", null)),
        bad("instruments is empty", r -> r.instruments.clear()),
        bad("instruments[0].firstClose must be positive", r -> r.instruments.set(0,
            new InstrumentRange("BTC-USD", 1, T0, bd("0"), T0, bd("1")))),
        bad("instruments[0].lastClose is missing", r -> r.instruments.set(0,
            new InstrumentRange("BTC-USD", 1, T0, bd("1"), T0, null))),
        bad("bots is missing", r -> r.bots = null),
        bad("bots[1].botId is missing", r -> {
          r.bot("long-1", "long-strike", "1", "1", 0, 0, "0");
          r.bots.add(new BotResult(null, "amm", "s", "BTC-USD", bd("1"), bd("1"), 0, 0, bd("0"), "RUNNING"));
        }),
        bad("bots[0].fees is missing", r -> r.bots.add(
            new BotResult("amm-1", "amm", "s", "BTC-USD", bd("1"), bd("1"), 0, 0, null, "RUNNING"))),
        bad("bots[0] (amm-1) has 3 wins out of 2 trades", r -> r.bot("amm-1", "amm", "1", "1", 2, 3, "0")),
        bad("trades[1].exitPrice is missing", r -> {
          r.tradesWithPnl("1");
          r.trades.add(new TradeRow("b", "d", "i", "LONG", bd("1"), T0, bd("1"), T0, null, bd("0"), bd("0"), "signal"));
        }),
        bad("trades[0].pnl is missing", r -> r.trades.add(
            new TradeRow("b", "d", "i", "LONG", bd("1"), T0, bd("1"), T0, bd("1"), null, bd("0"), "signal"))),
        bad("trades is missing", r -> r.trades = null),
        bad("riskEvents[0].reason is missing", r -> r.riskEvents.add(new RiskEvent(T0, "A", "B", null))),
        bad("dataIssues['gap'] is missing", r -> r.dataIssues.put("gap", null)),
        bad("bars must not be negative", r -> r.bars = -1),
        bad("replayNanos must not be negative", r -> r.replayNanos = -5));
  }

  private static Arguments bad(String message, Consumer<Results> breakIt) {
    return Arguments.of(message, breakIt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badResults")
  void badInputIsAnIllegalArgumentNamingWhatIsWrong(String message, Consumer<Results> breakIt) {
    Results r = new Results();
    breakIt.accept(r);
    BacktestResult result = r.build();

    assertThatThrownBy(() -> ResultValidator.validate(result))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> PerformanceMetrics.of(result))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> ConsoleSummary.render(result))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void aMissingResultIsNamedToo() {
    assertThatThrownBy(() -> ResultValidator.validate(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("backtest result is missing");
  }

  @Test
  void aValidResultPassesIncludingEmptyOptionalParts() {
    Results minimal = new Results();
    minimal.settings.clear();

    assertThatCode(() -> ResultValidator.validate(minimal.build())).doesNotThrowAnyException();
    assertThatCode(() -> ResultValidator.validate(Results.swarm().build())).doesNotThrowAnyException();
  }
}
