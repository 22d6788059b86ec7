package io.strikeswarm.http.metrics;

import io.strikeswarm.bots.domain.TradingState;
import java.math.BigDecimal;

/**
 * What the operated swarm reports to a metrics backend. The pure core never sees this: the paper feed, the journal
 * event stream and the HTTP layer call it. {@link #NONE} records nothing (tests, backtests); the runtime supplies a
 * Kamon implementation when metrics are enabled.
 */
public interface SwarmMetrics {
  /** Bot-bars committed by one step (each bot's bars of the step). */
  void barsProcessed(long botBars);

  /** A strategy signal seen in a bot's journal (an order for a signal, or an entry refused by a rule). */
  void signal(String diamond);

  void order(String diamond, String reason);

  void fill(String diamond);

  /** An entry or order refused by a risk rule; reason is a short label. */
  void reject(String diamond, String reason);

  void diamondEquity(String diamond, BigDecimal equity, BigDecimal pnl);

  void swarmEquity(BigDecimal equity, BigDecimal pnl);

  void tradingState(TradingState state);

  /** One step's commit round trip: every bot persisting its bars (dominated by the journal write). */
  void journalCommit(long nanos);

  /** One HTTP request; route is the route template (/api/bots/{id}), never the raw path. */
  void httpRequest(String method, String route, int status, long nanos);

  SwarmMetrics NONE = new SwarmMetrics() {
    @Override public void barsProcessed(long botBars) {}
    @Override public void signal(String diamond) {}
    @Override public void order(String diamond, String reason) {}
    @Override public void fill(String diamond) {}
    @Override public void reject(String diamond, String reason) {}
    @Override public void diamondEquity(String diamond, BigDecimal equity, BigDecimal pnl) {}
    @Override public void swarmEquity(BigDecimal equity, BigDecimal pnl) {}
    @Override public void tradingState(TradingState state) {}
    @Override public void journalCommit(long nanos) {}
    @Override public void httpRequest(String method, String route, int status, long nanos) {}
  };
}
