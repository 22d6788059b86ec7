package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans how a diamond moves capital from its worst to its best performers. Pure and deterministic: ties break by
 * bot id. Every transfer keeps the donor at or above the minimum, the recipient at or below the maximum, and never
 * asks a donor for more than it can free without touching a position.
 */
public final class Rebalancer {
  private Rebalancer() {}

  /** What the planner needs to know of one bot: its marked equity, its return, and its free capital. */
  public record Performance(String botId, BigDecimal equity, BigDecimal returnOnCapital, BigDecimal releasable)
      implements CborSerializable {}

  public record Transfer(String from, String to, BigDecimal amount) implements CborSerializable {}

  public record Bounds(BigDecimal min, BigDecimal max) {}

  public static Bounds bounds(List<Performance> bots, RebalanceSettings settings) {
    if (bots.isEmpty()) return new Bounds(Money.ZERO, Money.ZERO);
    BigDecimal sum = bots.stream().map(Performance::equity).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal average = sum.divide(BigDecimal.valueOf(bots.size()), Money.SCALE, RoundingMode.DOWN);
    return new Bounds(Money.normalize(average.multiply(settings.minFactor())),
        Money.normalize(average.multiply(settings.maxFactor())));
  }

  public static List<Transfer> plan(List<Performance> bots, RebalanceSettings settings) {
    List<Performance> ranked = new ArrayList<>(bots);
    ranked.sort(Comparator.comparing(Performance::returnOnCapital).thenComparing(Performance::botId));
    Bounds bounds = bounds(bots, settings);
    int pairs = Math.min(settings.maxPairs(), ranked.size() / 2);
    List<Transfer> transfers = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      Performance donor = ranked.get(i);
      Performance recipient = ranked.get(ranked.size() - 1 - i);
      if (donor.returnOnCapital().compareTo(recipient.returnOnCapital()) >= 0) break;
      BigDecimal amount = Money.cents(min(
          donor.equity().multiply(settings.step()),
          donor.equity().subtract(bounds.min()),
          donor.releasable(),
          bounds.max().subtract(recipient.equity())));
      if (amount.signum() > 0) transfers.add(new Transfer(donor.botId(), recipient.botId(), amount));
    }
    return transfers;
  }

  private static BigDecimal min(BigDecimal first, BigDecimal... rest) {
    BigDecimal m = first;
    for (BigDecimal v : rest) m = m.min(v);
    return m;
  }
}
