package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The swarm's equity after one step of the merged clock.
 *
 * @param diamondEquity equity per diamond, in the order the columns of equity.csv should take (the driver sorts by
 *     name); may be empty
 * @param tradingState the swarm's trading state at this step
 */
public record EquityPoint(long timeMs, BigDecimal equity, Map<String, BigDecimal> diamondEquity,
    String tradingState) {}
