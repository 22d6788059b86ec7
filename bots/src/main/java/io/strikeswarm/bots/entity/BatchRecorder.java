package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.entity.BotEntity.MarketObserved;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a run of bars produces, applied to the state as they are recorded, through the same event handler
 * recovery uses. Market observations set absolute values (mark, guard, stats, bar time), so of a run of them only
 * the last needs persisting: one is written just before the next trade event and at the end — a quiet bar costs
 * no journal write, and replaying what is written yields exactly this state.
 */
final class BatchRecorder {
  private BotState state;
  private final List<Event> events = new ArrayList<>();
  private MarketObserved unwritten;
  private final List<Integer> writtenAfterBar = new ArrayList<>();
  private final List<MarketObserved> marketAfterBar = new ArrayList<>();
  /** Events recorded before the first bar (a routed venue's fills and answers); committed with any number of bars. */
  private int beforeBars;

  BatchRecorder(BotState start) {
    this.state = start;
  }

  BotState state() {
    return state;
  }

  void trade(Event event) {
    if (unwritten != null) {
      events.add(unwritten);
      unwritten = null;
    }
    events.add(event);
    state = state.apply(event);
  }

  void market(MarketObserved observed) {
    state = state.apply(observed);
    unwritten = observed;
    writtenAfterBar.add(events.size());
    marketAfterBar.add(observed);
  }

  /** What was recorded so far happened before the step's bars: it is kept even if none of the bars is. */
  void beginBars() {
    beforeBars = events.size();
  }

  int bars() {
    return marketAfterBar.size();
  }

  /** The events that bring the starting state to the state after the first {@code bars} bars. */
  List<Event> eventsThrough(int bars) {
    if (bars <= 0) return List.copyOf(events.subList(0, beforeBars));
    List<Event> prefix = new ArrayList<>(events.subList(0, writtenAfterBar.get(bars - 1)));
    prefix.add(marketAfterBar.get(bars - 1));
    return prefix;
  }

  /** Every event recorded, ending with the last market observation. */
  List<Event> allEvents() {
    List<Event> all = new ArrayList<>(events);
    if (unwritten != null) all.add(unwritten);
    return all;
  }
}
