package io.strikeswarm.swarm.market;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds flash prints in one instrument's bars: a bar whose true range is more than {@code range} × the average true
 * range of the last {@code atr} bars, or whose high or low is more than {@code jump} away from the previous close.
 * Pure: the same bars and settings always give the same verdicts, whatever else is loaded.
 *
 * <p>Each bar is judged against two references — the bar just before it and the last bar that passed — and is a flash
 * print only if it is out of line with both. So a spike that reverts flags the spike and not the bar after it (that
 * one is in line with the last bar that passed), and a real change of level flags its first bar only (the next is in
 * line with the bar before it). The average true range is taken over bars that passed, so a flash print does not
 * widen the tolerance for the next one. The first bar is never judged, and the range test waits for {@code atr}
 * bars.
 *
 * <p>All comparisons are exact: {@code n × TR > k × ΣTR} rather than a rounded average.
 */
public final class FlashPrintGuard {
  private FlashPrintGuard() {}

  /** One flash print: the bar's time and the reason it is counted under. */
  public record Flag(long timeMs, String reason) {}

  /**
   * @param bars   what the bots get: all the bars (off, flag) or all but the flash prints (hold)
   * @param flags  every flash print found, in time order
   * @param counts flash prints by reason
   */
  public record Screened(List<Bar> bars, List<Flag> flags, SortedMap<String, Long> counts) {
    public Screened {
      bars = List.copyOf(bars);
      flags = List.copyOf(flags);
      counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }
  }

  public static Screened screen(List<Bar> bars, FlashGuardSettings settings) {
    if (settings.mode() == FlashGuardSettings.Mode.OFF) return new Screened(bars, List.of(), new TreeMap<>());
    List<Bar> kept = new ArrayList<>(bars.size());
    List<Flag> flags = new ArrayList<>();
    TreeMap<String, Long> counts = new TreeMap<>();
    Deque<BigDecimal> window = new ArrayDeque<>();
    BigDecimal windowSum = BigDecimal.ZERO;
    Bar previous = null;
    Bar lastPassed = null;
    for (Bar bar : bars) {
      String reason = null;
      BigDecimal trueRange = null;
      if (previous != null) {
        trueRange = trueRange(bar, previous.close()).min(trueRange(bar, lastPassed.close()));
        if (reaches(bar, previous.close(), settings.maxJump()) && reaches(bar, lastPassed.close(), settings.maxJump())) {
          reason = settings.jumpReason();
        } else if (window.size() == settings.atrBars()
            && trueRange.multiply(BigDecimal.valueOf(settings.atrBars()))
                .compareTo(settings.rangeMultiple().multiply(windowSum)) > 0) {
          reason = settings.rangeReason();
        }
      }
      if (reason != null) {
        flags.add(new Flag(bar.timeMs(), reason));
        counts.merge(reason, 1L, Long::sum);
        if (settings.mode() == FlashGuardSettings.Mode.FLAG) kept.add(bar);
      } else {
        kept.add(bar);
        if (trueRange != null) {
          window.addLast(trueRange);
          windowSum = windowSum.add(trueRange);
          if (window.size() > settings.atrBars()) windowSum = windowSum.subtract(window.removeFirst());
        }
        lastPassed = bar;
      }
      previous = bar;
    }
    return new Screened(kept, flags, counts);
  }

  /** High and low, extended to the reference close: the bar's move including its gap from that close. */
  private static BigDecimal trueRange(Bar bar, BigDecimal reference) {
    return bar.high().max(reference).subtract(bar.low().min(reference));
  }

  /** Whether the bar's high or low is more than {@code fraction} of {@code reference} away from it. */
  private static boolean reaches(Bar bar, BigDecimal reference, BigDecimal fraction) {
    BigDecimal limit = reference.multiply(fraction);
    return bar.high().subtract(reference).compareTo(limit) > 0 || reference.subtract(bar.low()).compareTo(limit) > 0;
  }
}
