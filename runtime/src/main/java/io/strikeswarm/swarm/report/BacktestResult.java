package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a finished backtest hands to the report, filled by the backtest driver.
 *
 * <p>The record is plain data on purpose: {@link ResultValidator} checks it once, where each missing piece can be
 * named with its path ({@code trades[3].exitPrice}), which a compact constructor on each record could not do.
 *
 * @param settings insertion-ordered run settings (data, bar, bots, fees_bps, slippage_bps, fill, leverage, ...)
 * @param initialCapital the swarm's total capital at the start; must be positive
 * @param bars steps of the merged clock (market bars replayed)
 * @param instruments first and last close of every instrument replayed; at least one
 * @param bots one result per bot
 * @param trades closed trades; a partial close is its own row
 * @param equity one point per step of the merged clock, strictly increasing in time; at least one
 * @param riskEvents changes of the swarm's trading state
 * @param dataIssues counts of input problems, e.g. {@code "rows skipped: price <= 0" -> 3}; may be empty
 * @param elapsedMs wall time of the whole run
 * @param botBars bot-bar evaluations performed
 * @param replayNanos wall time of the replay loop only, the denominator of bot_bars_per_second
 */
public record BacktestResult(
    Map<String, String> settings,
    BigDecimal initialCapital,
    long bars,
    List<InstrumentRange> instruments,
    List<BotResult> bots,
    List<TradeRow> trades,
    List<EquityPoint> equity,
    List<RiskEvent> riskEvents,
    Map<String, Long> dataIssues,
    long elapsedMs,
    long botBars,
    long replayNanos) {}
