package io.strikeswarm.swarm.reliability;

import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.entity.BotEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a journal, as read from disk, to what a crash must never do to it. Pure: rows in, findings out.
 *
 * <ul>
 *   <li><b>Lost</b>: every persistence id's sequence numbers run 1, 2, 3, … without a hole; and every bar the feed
 *       reported committed before the crash is in its bot's journal ({@code committedAtLeast}).</li>
 *   <li><b>Twice</b>: no order id is placed twice anywhere in the swarm, and each bot's orders are exactly
 *       {@code botId-o0, -o1, …} in order (ids are derived from the bot's order sequence, so a decision replayed after
 *       a restart would reuse or skip one); each order is filled or cancelled at most once and only after it was
 *       placed; a bot observes each bar time once ({@code MarketObserved} times strictly increase); a capital
 *       transfer is applied once (transfer sequence numbers strictly increase).</li>
 * </ul>
 *
 * The simulated venue keeps no book of its own: a directional bot's orders and fills are its journal's
 * {@code OrderPlaced} / {@code OrderFilled} / {@code OrderCancelled} events, so the journal is the venue's record here.
 */
public final class JournalAudit {
  private JournalAudit() {}

  /** What the audit found; {@link #clean()} when nothing was lost and nothing happened twice. */
  public record Findings(int persistenceIds, long events, long orders, long fills, long cancels, long bars,
      List<String> lost, List<String> twice) {
    public Findings {
      lost = List.copyOf(lost);
      twice = List.copyOf(twice);
    }

    public boolean clean() {
      return lost.isEmpty() && twice.isEmpty();
    }
  }

  public static Findings audit(List<JournalRow> rows) {
    return audit(rows, Map.of());
  }

  /**
   * @param committedAtLeast per bot id, a bar time its journal must have reached: bars acknowledged before a crash
   */
  public static Findings audit(List<JournalRow> rows, Map<String, Long> committedAtLeast) {
    Map<String, List<JournalRow>> byId = new LinkedHashMap<>();
    for (JournalRow row : rows) byId.computeIfAbsent(row.persistenceId(), k -> new ArrayList<>()).add(row);
    List<String> lost = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    Set<String> placedAnywhere = new HashSet<>();
    Map<String, Long> lastBar = new HashMap<>();
    Counts counts = new Counts();
    byId.forEach((pid, journal) -> {
      checkSequence(pid, journal, lost);
      String botId = journal.get(0).botId();
      if (botId != null) lastBar.put(botId, checkBot(botId, journal, placedAnywhere, lost, twice, counts));
    });
    committedAtLeast.forEach((botId, time) -> {
      long last = lastBar.getOrDefault(botId, Long.MIN_VALUE);
      if (last < time) {
        lost.add("bot " + botId + ": bar " + time + " was reported committed, its journal ends at "
            + (last == Long.MIN_VALUE ? "no bar" : Long.toString(last)));
      }
    });
    return new Findings(byId.size(), rows.size(), counts.orders, counts.fills, counts.cancels, counts.bars, lost, twice);
  }

  private static void checkSequence(String pid, List<JournalRow> journal, List<String> lost) {
    long expected = 1;
    for (JournalRow row : journal) {
      if (row.sequenceNr() != expected) {
        lost.add(pid + ": sequence number " + row.sequenceNr() + " follows " + (expected - 1)
            + " (events " + expected + ".." + (row.sequenceNr() - 1) + " missing)");
      }
      expected = row.sequenceNr() + 1;
    }
  }

  /** Checks one bot's journal; returns the last bar time it observed. */
  private static long checkBot(String botId, List<JournalRow> journal, Set<String> placedAnywhere, List<String> lost,
      List<String> twice, Counts counts) {
    Set<String> open = new HashSet<>();
    Set<String> done = new HashSet<>();
    long placed = 0;
    long lastBar = Long.MIN_VALUE;
    long lastTransfer = 0;
    for (JournalRow row : journal) {
      Object e = row.event();
      String at = "bot " + botId + " event " + row.sequenceNr() + ": ";
      if (e instanceof BotEntity.OrderPlaced p) {
        String id = p.order().orderId();
        String expected = Order.idFor(botId, placed);
        if (!placedAnywhere.add(id)) twice.add(at + "order " + id + " placed again");
        else if (!id.equals(expected)) twice.add(at + "order " + id + " placed where " + expected + " was next");
        open.add(id);
        placed++;
        counts.orders++;
      } else if (e instanceof BotEntity.OrderFilled f) {
        closeOrder(at, "filled", f.orderId(), open, done, lost, twice);
        counts.fills++;
      } else if (e instanceof BotEntity.OrderCancelled c) {
        closeOrder(at, "cancelled", c.orderId(), open, done, lost, twice);
        counts.cancels++;
      } else if (e instanceof BotEntity.MarketObserved m) {
        if (m.timeMs() <= lastBar) twice.add(at + "bar " + m.timeMs() + " observed after bar " + lastBar);
        lastBar = Math.max(lastBar, m.timeMs());
        counts.bars++;
      } else {
        long transfer = transferSeq(e);
        if (transfer >= 0) {
          if (transfer <= lastTransfer) twice.add(at + "transfer " + transfer + " applied after transfer " + lastTransfer);
          lastTransfer = Math.max(lastTransfer, transfer);
        }
      }
    }
    return lastBar;
  }

  /** A second fill or cancel is a duplicate; one for an order never placed means its placement was lost. */
  private static void closeOrder(String at, String what, String orderId, Set<String> open, Set<String> done,
      List<String> lost, List<String> twice) {
    if (open.remove(orderId)) {
      done.add(orderId);
    } else if (done.contains(orderId)) {
      twice.add(at + "order " + orderId + " " + what + " after it was already filled or cancelled");
    } else {
      lost.add(at + "order " + orderId + " " + what + " but never placed");
    }
  }

  /** What the audit went through, for the report. */
  private static final class Counts {
    long orders;
    long fills;
    long cancels;
    long bars;
  }

  private static long transferSeq(Object e) {
    if (e instanceof BotEntity.CapitalAllocated a) return a.transferSeq();
    if (e instanceof BotEntity.CapitalReleased r) return r.transferSeq();
    if (e instanceof BotEntity.BotRetired r) return r.transferSeq();
    return -1;
  }
}
