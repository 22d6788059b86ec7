package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a diamond takes capital back from its bots when the master shrinks its funding. Pure and deterministic.
 *
 * <p>Each bot gives in proportion to its allocation, never more than it can free without touching a position
 * (rounded down to cents). A bot that cannot give its share gives all it can, and the others make up the
 * difference in the same proportions (water-filling), so the plan frees {@code min(need, what the bots can free)}
 * to the cent: a shrink falls short only when the bots as a whole cannot cover it.
 */
public final class ReleasePlan {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private ReleasePlan() {}

  /** What the plan knows of one bot: its allocation on the diamond's books and what it can release now. */
  public record Holding(String botId, BigDecimal allocation, BigDecimal releasable) implements CborSerializable {}

  /** The amount to release from each bot, by bot id; bots that give nothing are left out. */
  public static Map<String, BigDecimal> plan(BigDecimal need, List<Holding> bots) {
    BigDecimal remaining = need.setScale(2, RoundingMode.DOWN);
    List<Candidate> candidates = new ArrayList<>();
    for (Holding h : bots) {
      BigDecimal cap = h.releasable().setScale(2, RoundingMode.DOWN);
      if (h.allocation().signum() > 0 && cap.signum() > 0) candidates.add(new Candidate(h.botId(), h.allocation(), cap));
    }
    // Tightest first: the bots whose cap is smallest against their allocation are the ones the level reaches first.
    // (cap / allocation compared exactly, by cross-multiplying)
    candidates.sort(((Comparator<Candidate>) (a, b) -> a.cap().multiply(b.allocation())
        .compareTo(b.cap().multiply(a.allocation()))).thenComparing(Candidate::botId));
    BigDecimal weight = candidates.stream().map(Candidate::allocation).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, BigDecimal> amounts = new TreeMap<>();
    int i = 0;
    while (i < candidates.size() && remaining.signum() > 0) {
      Candidate c = candidates.get(i);
      // cap <= remaining × allocation / weight, compared without dividing
      if (c.cap().multiply(weight).compareTo(remaining.multiply(c.allocation())) > 0) break;
      amounts.put(c.botId(), c.cap());
      remaining = remaining.subtract(c.cap());
      weight = weight.subtract(c.allocation());
      i++;
    }
    if (remaining.signum() <= 0 || i == candidates.size()) return normalized(amounts);
    // The rest are below their caps at this level: floor each share to cents, then hand the cents the flooring left
    // over to the largest remainders (ties by bot id). Each such bot's share is strictly below its whole-cent cap,
    // so one more cent still fits.
    List<Candidate> rest = candidates.subList(i, candidates.size());
    List<Share> shares = new ArrayList<>();
    BigDecimal floored = BigDecimal.ZERO;
    for (Candidate c : rest) {
      BigDecimal exact = remaining.multiply(c.allocation());
      BigDecimal floor = exact.divide(weight, 2, RoundingMode.DOWN);
      shares.add(new Share(c.botId(), floor, exact.subtract(floor.multiply(weight))));
      floored = floored.add(floor);
    }
    int leftoverCents = remaining.subtract(floored).movePointRight(2).intValueExact();
    shares.sort(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::botId));
    for (int k = 0; k < shares.size(); k++) {
      Share s = shares.get(k);
      BigDecimal amount = k < leftoverCents ? s.floor().add(CENT) : s.floor();
      if (amount.signum() > 0) amounts.put(s.botId(), amount);
    }
    return normalized(amounts);
  }

  private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> amounts) {
    Map<String, BigDecimal> out = new TreeMap<>();
    amounts.forEach((bot, amount) -> out.put(bot, Money.normalize(amount)));
    return out;
  }

  private record Candidate(String botId, BigDecimal allocation, BigDecimal cap) {}

  private record Share(String botId, BigDecimal floor, BigDecimal remainder) {}
}
