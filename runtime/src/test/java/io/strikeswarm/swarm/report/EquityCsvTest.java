package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.HOUR;
import static io.strikeswarm.swarm.report.Results.T0;
import static io.strikeswarm.swarm.report.Results.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquityCsvTest {

  private static Map<String, BigDecimal> diamonds(String... nameValue) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      out.put(nameValue[i], bd(nameValue[i + 1]));
    }
    return out;
  }

  @Test
  void hasOneRowPerPointWithUtcTimeDrawdownStateAndOneColumnPerDiamond() {
    List<EquityPoint> equity = List.of(
        new EquityPoint(T0, bd("1000"), diamonds("long-strike", "600", "short-strike", "400"), "NORMAL"),
        new EquityPoint(T0 + HOUR, bd("900.50"), diamonds("long-strike", "550.5", "short-strike", "350"), "HALTED"));

    assertThat(EquityCsv.render(bd("1000"), equity).lines()).containsExactly(
        "time_ms,time_utc,equity,drawdown_pct,trading_state,long-strike,short-strike",
        "1704067200000,2024-01-01T00:00:00Z,1000,0.0000,NORMAL,600,400",
        "1704070800000,2024-01-01T01:00:00Z,900.50,9.9500,HALTED,550.5,350");
  }

  @Test
  void aDiamondThatAppearsLaterGetsAColumnAndEmptyCellsBefore() {
    List<EquityPoint> equity = List.of(
        new EquityPoint(T0, bd("1000"), diamonds("long-strike", "1000"), "NORMAL"),
        new EquityPoint(T0 + HOUR, bd("1000"), diamonds("long-strike", "900", "amm", "1E+2"), "NORMAL"));

    assertThat(EquityCsv.render(bd("1000"), equity).lines()).containsExactly(
        "time_ms,time_utc,equity,drawdown_pct,trading_state,long-strike,amm",
        "1704067200000,2024-01-01T00:00:00Z,1000,0.0000,NORMAL,1000,",
        "1704070800000,2024-01-01T01:00:00Z,1000,0.0000,NORMAL,900,100");
  }
}
