package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.DAY;
import static io.strikeswarm.swarm.report.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> HEADLINE_KEYS = List.of("bars", "bots", "trades", "initial_capital", "final_equity",
      "net_pnl", "return_pct", "buy_and_hold_return_pct", "max_drawdown_pct", "sharpe", "sortino", "win_rate",
      "profit_factor", "fees", "first_time_ms", "last_time_ms", "steps_per_year", "elapsed_ms",
      "bot_bars_per_second");

  private static String render(Results r) {
    BacktestResult result = r.build();
    return SummaryJson.render(result, PerformanceMetrics.of(result));
  }

  private static JsonNode parse(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void keysComeInAFixedOrderHeadlineFiguresFirst() throws Exception {
    List<String> keys = new ArrayList<>();
    parse(render(Results.swarm())).fieldNames().forEachRemaining(keys::add);

    List<String> expected = new ArrayList<>(HEADLINE_KEYS);
    expected.addAll(List.of("settings", "instruments", "diamonds", "risk_events", "data_issues"));
    assertThat(keys).containsExactlyElementsOf(expected);
  }

  @Test
  void figuresAreJsonNumbersWithTheReportsScales() throws Exception {
    String json = render(Results.swarm());
    JsonNode summary = parse(json);

    for (String key : HEADLINE_KEYS) {
      assertThat(summary.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(json).contains("\"net_pnl\": 550.00,").contains("\"return_pct\": 0.5500,")
        .contains("\"initial_capital\": 100000.00,").contains("\"profit_factor\": 2.1111,");
  }

  @Test
  void settingsKeepTheDriversOrderAndNestedSectionsCarryTheirFields() throws Exception {
    JsonNode summary = parse(render(Results.swarm()));

    List<String> settings = new ArrayList<>();
    summary.get("settings").fieldNames().forEachRemaining(settings::add);
    assertThat(settings).containsExactly("data", "bar", "fees_bps", "bots", "capital");
    assertThat(summary.get("settings").get("bar").asText()).isEqualTo("1h");
    JsonNode longStrike = summary.get("diamonds").get("long-strike");
    assertThat(longStrike.get("pnl").decimalValue()).isEqualByComparingTo("300");
    assertThat(longStrike.get("trades").asInt()).isEqualTo(5);
    assertThat(summary.get("risk_events")).hasSize(2);
    assertThat(summary.get("risk_events").get(0).get("to").asText()).isEqualTo("REDUCE_ONLY");
    assertThat(summary.get("data_issues").get("rows skipped: price <= 0").asLong()).isEqualTo(3);
    assertThat(summary.get("instruments").get(1).get("instrument").asText()).isEqualTo("ETH-USD");
    assertThat(summary.get("instruments").get(1).get("last_close").decimalValue()).isEqualByComparingTo("2100");
    assertThat(summary.get("steps_per_year").doubleValue()).isEqualTo(8760.0);
  }

  @Test
  void profitFactorIsNullWhenNoTradeLost() throws Exception {
    JsonNode summary = parse(render(new Results().tradesWithPnl("5", "7")));

    assertThat(summary.has("profit_factor")).isTrue();
    assertThat(summary.get("profit_factor").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"flat curve", "zero trades", "single point", "wiped out"})
  void edgeCasesStillGiveFiniteNumbers(String name) throws Exception {
    Results r = switch (name) {
      case "flat curve" -> new Results().equity("100000", "100000", "100000");
      case "zero trades" -> new Results();
      case "single point" -> new Results().equity("100000");
      default -> new Results().equityEvery(DAY, "50000", "0", "0");
    };

    assertEveryNumberIsFinite(render(r));
  }

  @Property(tries = 150)
  void anyValidCurveGivesOnlyFiniteNumbers(@ForAll("curves") List<BigDecimal> curve) throws Exception {
    Results r = new Results();
    r.equity.clear();
    for (int i = 0; i < curve.size(); i++) {
      r.equity.add(new EquityPoint(T0 + i * 60_000L, curve.get(i), Map.of(), "NORMAL"));
    }

    assertEveryNumberIsFinite(render(r));
  }

  @Provide
  Arbitrary<List<BigDecimal>> curves() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)
        .list().ofMinSize(1).ofMaxSize(60);
  }

  private static void assertEveryNumberIsFinite(String json) throws Exception {
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    List<JsonNode> numbers = new ArrayList<>();
    collectNumbers(parse(json), numbers);
    assertThat(numbers).isNotEmpty().allSatisfy(n -> assertThat(Double.isFinite(n.doubleValue())).isTrue());
  }

  private static void collectNumbers(JsonNode node, List<JsonNode> out) {
    if (node.isNumber()) {
      out.add(node);
    }
    node.elements().forEachRemaining(child -> collectNumbers(child, out));
  }
}
