package io.strikeswarm.swarm.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.BotResult;
import io.strikeswarm.swarm.report.EquityPoint;
import io.strikeswarm.swarm.report.RiskEvent;
import io.strikeswarm.swarm.report.TradeRow;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's limits in a real backtest: they act within the bar that trips them. The breaker flattens every bot
 * at that bar's close and nothing trades after it; the daily loss limit lets no position open until the next UTC day.
 */
class BacktestRiskTest {
  @TempDir Path dir;

  @Test
  void theDrawdownBreakerFlattensEveryBotAtTheBarThatTripsItAndNothingTradesAfter() {
    BacktestResult result = run(ConfigFactory.parseMap(Map.of("swarm.risk.max-drawdown", "0.002",
        "swarm.risk.daily-loss", "0.5")));

    List<RiskEvent> halts = result.riskEvents().stream().filter(e -> e.to().equals("HALTED")).toList();
    assertThat(halts).hasSize(1);
    long haltedAt = halts.get(0).timeMs();
    assertThat(halts.get(0).reason()).contains("drawdown");
    assertThat(result.trades()).allSatisfy(t -> assertThat(t.entryTimeMs()).isLessThanOrEqualTo(haltedAt));
    assertThat(result.trades()).allSatisfy(t -> assertThat(t.exitTimeMs()).isLessThanOrEqualTo(haltedAt));
    assertThat(result.trades().stream().filter(t -> t.exitReason().equals("flatten")))
        .allSatisfy(t -> assertThat(t.exitTimeMs()).isEqualTo(haltedAt));
    assertThat(result.bots()).allSatisfy(b -> assertThat(b.status()).isEqualTo("HALTED"));
    List<EquityPoint> after = result.equity().stream().filter(p -> p.timeMs() >= haltedAt).toList();
    assertThat(after).allSatisfy(p -> {
      assertThat(p.equity()).isEqualByComparingTo(after.get(0).equity());
      assertThat(p.tradingState()).isEqualTo("HALTED");
    });
  }

  @Test
  void theDailyLossLimitOpensNoPositionUntilTheNextUtcDay() {
    BacktestResult result = run(ConfigFactory.parseMap(Map.of("swarm.risk.daily-loss", "0.001",
        "swarm.risk.max-drawdown", "0.9")));

    List<RiskEvent> events = result.riskEvents();
    assertThat(events).anySatisfy(e -> assertThat(e.to()).isEqualTo("REDUCING"));
    for (int i = 0; i < events.size(); i++) {
      RiskEvent e = events.get(i);
      if (!e.to().equals("REDUCING")) continue;
      long from = e.timeMs();
      long until = i + 1 < events.size() ? events.get(i + 1).timeMs() : Long.MAX_VALUE;
      assertThat(Math.floorDiv(until, 86_400_000L)).as("lifted on a later UTC day").isGreaterThan(Math.floorDiv(from, 86_400_000L));
      for (TradeRow t : result.trades()) {
        assertThat(t.entryTimeMs() > from && t.entryTimeMs() < until).as("entry at %d while reducing", t.entryTimeMs())
            .isFalse();
      }
    }
  }

  private BacktestResult run(Config overrides) {
    BacktestOptions options = new BacktestOptions(List.of("builtin:bitstamp-btcusd-2013"), Optional.empty(),
        Optional.empty(), Optional.of(10), Optional.of(10), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, 500);
    return new BacktestRunner(dir, overrides, new PrintWriter(Writer.nullWriter()), false).run(options);
  }
}
