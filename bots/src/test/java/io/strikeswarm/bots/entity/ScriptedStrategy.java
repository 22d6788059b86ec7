package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.strategy.Strategy;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.ta4j.core.BarSeries;

/**
 * A strategy whose signals a test sets: entry and exit are satisfied exactly at the series indices (0 = the first
 * bar fed) the test lists, so a test decides when a bot wants in or out independently of the prices, and the
 * prices are free to exercise stops and targets. Stable from the first bar.
 */
final class ScriptedStrategy implements Strategy {
  private final Side side;
  private final Set<Integer> entries = new HashSet<>();
  private final Set<Integer> exits = new HashSet<>();

  ScriptedStrategy(Side side) {
    this.side = side;
  }

  void enterAt(int index) {
    entries.add(index);
  }

  void exitAt(int index) {
    exits.add(index);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of();
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public int unstableBars() {
    return 0;
  }

  @Override
  public Rules rules(BarSeries series) {
    return new Rules((index, record) -> entries.contains(index), (index, record) -> exits.contains(index));
  }
}
