package io.strikeswarm.swarm.reliability;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.swarm.market.RowReasons;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a clean bar series as CSV with faults put in at seeded random places, and says exactly what a loader must
 * make of it. Each fault sits alone in its own stretch of {@value #SPACING} bars, so no fault changes how another is
 * judged (the flash-print guard looks back {@code atr} bars).
 *
 * <p>Faults: a NaN and an infinite price (rejected: not a finite number), a zero and a negative price (rejected:
 * price &lt;= 0), a row moved two rows later (rejected: timestamp goes backwards — its bar is lost), a second row for
 * one time (rejected: duplicate timestamp), rows deleted (a gap, nothing to reject), a print far below the market
 * (a flash print by its jump) and a bar with a range far beyond the recent ones (a flash print by its range).
 */
public final class FaultInjector {
  static final int SPACING = 20;
  static final String HEADER = "open_time_ms,open,high,low,close,volume";

  public enum Kind {
    NAN(RowReasons.NOT_FINITE),
    INFINITE(RowReasons.NOT_FINITE),
    ZERO_PRICE(RowReasons.PRICE_NOT_POSITIVE),
    NEGATIVE_PRICE(RowReasons.PRICE_NOT_POSITIVE),
    BACKWARDS(RowReasons.TIMESTAMP_BACKWARDS),
    DUPLICATE(RowReasons.DUPLICATE_TIMESTAMP),
    GAP(null),
    FLASH_JUMP(null),
    FLASH_RANGE(null);

    /** The reason the loader rejects the row under, or null when no row is rejected. */
    final String rejection;

    Kind(String rejection) {
      this.rejection = rejection;
    }
  }

  /** How many of each fault one file gets. */
  static final List<Kind> FAULTS = List.of(Kind.NAN, Kind.INFINITE, Kind.ZERO_PRICE, Kind.NEGATIVE_PRICE,
      Kind.BACKWARDS, Kind.BACKWARDS, Kind.DUPLICATE, Kind.DUPLICATE, Kind.GAP, Kind.GAP, Kind.FLASH_JUMP,
      Kind.FLASH_JUMP, Kind.FLASH_RANGE);

  /** One fault: its kind, the bar time it hit, and the physical line of the row a loader rejects (0: none). */
  public record Fault(Kind kind, long barTimeMs, long line) {}

  /**
   * The corrupted file and what a loader must find in it.
   *
   * @param survivors    end times of the bars a loader that skips bad rows keeps (flash prints included)
   * @param flashPrints  end times of the flash prints put in
   * @param rejected     rows a loader that skips bad rows must skip, by reason
   * @param firstBad     the fault a strict loader must stop at (the first rejected row in the file)
   */
  public record Corrupted(List<String> lines, List<Fault> faults, List<Long> survivors, List<Long> flashPrints,
      SortedMap<String, Long> rejected, Fault firstBad, Duration period) {

    /** Intervals between kept bars longer than the period, when the bars at {@code missing} times are left out too. */
    public long gapsWithout(List<Long> missing) {
      List<Long> kept = survivors.stream().filter(t -> !missing.contains(t)).toList();
      long gaps = 0;
      for (int i = 1; i < kept.size(); i++) if (kept.get(i) - kept.get(i - 1) > period.toMillis()) gaps++;
      return gaps;
    }
  }

  private FaultInjector() {}

  public static Corrupted inject(List<Bar> bars, Duration period, long seed) {
    int slots = (bars.size() - 2 * SPACING) / SPACING;
    if (slots < FAULTS.size()) {
      throw new IllegalArgumentException("need at least " + ((FAULTS.size() + 2) * SPACING) + " bars to place "
          + FAULTS.size() + " faults apart, got " + bars.size());
    }
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < slots; s++) order.add(s);
    Collections.shuffle(order, random);
    List<Kind> kinds = new ArrayList<>(FAULTS);
    Collections.shuffle(kinds, random);
    TreeMap<Integer, Kind> at = new TreeMap<>();
    for (int f = 0; f < kinds.size(); f++) {
      at.put(SPACING + order.get(f) * SPACING + random.nextInt(4), kinds.get(f));
    }

    Writer w = new Writer(period);
    for (int i = 0; i < bars.size(); i++) {
      Kind kind = at.get(i);
      Bar bar = bars.get(i);
      if (kind == null) {
        w.keep(bar);
        continue;
      }
      switch (kind) {
        case NAN -> w.reject(kind, bar, withField(row(bar, period), 1, "NaN"));
        case INFINITE -> w.reject(kind, bar, withField(row(bar, period), 4, "Infinity"));
        case ZERO_PRICE -> w.reject(kind, bar, withField(row(bar, period), 3, "0"));
        case NEGATIVE_PRICE -> w.reject(kind, bar, withField(row(bar, period), 4, bar.close().negate().toPlainString()));
        case BACKWARDS -> {
          // This bar's row comes two rows late: the loader has moved past its time and refuses it.
          w.keep(bars.get(i + 1));
          w.keep(bars.get(i + 2));
          w.reject(kind, bar, row(bar, period));
          i += 2;
        }
        case DUPLICATE -> {
          w.keep(bar);
          w.reject(kind, bar, withField(row(bar, period), 4, bar.low().toPlainString()));
        }
        case GAP -> {
          int missing = 1 + random.nextInt(3);
          w.faults.add(new Fault(kind, bar.timeMs(), 0));
          i += missing - 1;
        }
        case FLASH_JUMP -> {
          // A print at 5 % of the last close, inside an otherwise ordinary bar.
          BigDecimal low = bars.get(i - 1).close().multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.DOWN);
          w.flash(kind, new Bar(bar.instrument(), bar.timeMs(), bar.open(), bar.high(), low, bar.close(), bar.volume()));
        }
        case FLASH_RANGE -> {
          // A high 12 % above the last close: short of the jump limit, far beyond ten times any recent range.
          BigDecimal high = bars.get(i - 1).close().multiply(new BigDecimal("1.12")).setScale(2, RoundingMode.UP);
          w.flash(kind, new Bar(bar.instrument(), bar.timeMs(), bar.open(), high.max(bar.high()), bar.low(),
              bar.close(), bar.volume()));
        }
        default -> throw new IllegalStateException("unhandled fault " + kind);
      }
    }
    return w.done();
  }

  /** Accumulates the file and its expectations, counting physical lines (the header is line 1). */
  private static final class Writer {
    final Duration period;
    final List<String> lines = new ArrayList<>(List.of(HEADER));
    final List<Fault> faults = new ArrayList<>();
    final TreeSet<Long> survivors = new TreeSet<>();
    final List<Long> flashPrints = new ArrayList<>();
    final TreeMap<String, Long> rejected = new TreeMap<>();
    Fault firstBad;

    Writer(Duration period) {
      this.period = period;
    }

    void keep(Bar bar) {
      lines.add(row(bar, period));
      survivors.add(bar.timeMs());
    }

    void reject(Kind kind, Bar bar, String line) {
      lines.add(line);
      Fault fault = new Fault(kind, bar.timeMs(), lines.size());
      faults.add(fault);
      rejected.merge(kind.rejection, 1L, Long::sum);
      if (firstBad == null) firstBad = fault;
    }

    void flash(Kind kind, Bar bar) {
      keep(bar);
      flashPrints.add(bar.timeMs());
      faults.add(new Fault(kind, bar.timeMs(), 0));
    }

    Corrupted done() {
      return new Corrupted(List.copyOf(lines), List.copyOf(faults), List.copyOf(survivors), List.copyOf(flashPrints),
          rejected, firstBad, period);
    }
  }

  static String row(Bar bar, Duration period) {
    return (bar.timeMs() - period.toMillis()) + "," + bar.open().toPlainString() + "," + bar.high().toPlainString()
        + "," + bar.low().toPlainString() + "," + bar.close().toPlainString() + "," + bar.volume().toPlainString();
  }

  /** The row with field {@code index} (0 = time, 1 = open, … 4 = close) replaced. */
  static String withField(String row, int index, String value) {
    String[] fields = row.split(",", -1);
    fields[index] = value;
    return String.join(",", fields);
  }
}
