package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.entity.BotEntity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The journal audit finds each thing a crash must never do — a hole in a journal, a bar the feed acknowledged but the
 * journal lacks, an order placed twice or out of its sequence, a fill or cancel twice or without its order, a bar or
 * a transfer applied twice — and finds nothing in a journal that has none of them.
 */
class JournalAuditTest {
  private static final long T = 1_678_730_700_000L;
  private static final long BAR = 300_000L;

  /** A clean journal of one bot: funded, three bars, one round trip (o0 filled, o1 filled), an order cancelled. */
  private static List<JournalRow> clean() {
    Journal j = new Journal("long-01");
    j.add(new BotEntity.CapitalAllocated(1, money("1000")));
    j.add(bar(T));
    j.add(placed("long-01-o0", T + BAR));
    j.add(filled("long-01-o0", T + BAR));
    j.add(bar(T + BAR));
    j.add(placed("long-01-o1", T + 2 * BAR));
    j.add(filled("long-01-o1", T + 2 * BAR));
    j.add(placed("long-01-o2", T + 2 * BAR));
    j.add(new BotEntity.OrderCancelled("long-01-o2", "swarm is HALTED"));
    j.add(bar(T + 2 * BAR));
    j.add(new BotEntity.CapitalAllocated(2, money("10")));
    List<JournalRow> rows = new ArrayList<>(j.rows);
    rows.add(new JournalRow("master", 1, "any master event"));
    rows.add(new JournalRow("master", 2, "another"));
    return rows;
  }

  @Test
  void aCleanJournalHasNothingLostAndNothingTwice() {
    JournalAudit.Findings findings = JournalAudit.audit(clean(), Map.of("long-01", T + 2 * BAR));

    assertThat(findings.clean()).as("%s", findings).isTrue();
    assertThat(findings.persistenceIds()).isEqualTo(2);
    assertThat(findings.events()).isEqualTo(13);
    assertThat(findings.orders()).isEqualTo(3);
    assertThat(findings.fills()).isEqualTo(2);
    assertThat(findings.cancels()).isEqualTo(1);
    assertThat(findings.bars()).isEqualTo(3);
  }

  @Test
  void aHoleInTheSequenceNumbersIsLost() {
    List<JournalRow> rows = clean();
    rows.remove(4); // bot|long-01 event 5

    assertThat(JournalAudit.audit(rows).lost()).containsExactly(
        "bot|long-01: sequence number 6 follows 4 (events 5..5 missing)");
  }

  @Test
  void aJournalThatDoesNotStartAtOneHasLostItsBeginning() {
    List<JournalRow> rows = clean();
    rows.remove(11); // master event 1

    assertThat(JournalAudit.audit(rows).lost()).containsExactly("master: sequence number 2 follows 0 (events 1..1 missing)");
  }

  @Test
  void aBarTheFeedAcknowledgedButTheJournalLacksIsLost() {
    assertThat(JournalAudit.audit(clean(), Map.of("long-01", T + 3 * BAR)).lost()).containsExactly(
        "bot long-01: bar " + (T + 3 * BAR) + " was reported committed, its journal ends at " + (T + 2 * BAR));
  }

  @Test
  void anOrderPlacedAgainIsTwice() {
    List<JournalRow> rows = renumbered(clean(), 7, placed("long-01-o1", T + 2 * BAR));

    // A repeated decision also shifts every later order off the bot's sequence: the audit says so too.
    assertThat(JournalAudit.audit(rows).twice()).containsExactly(
        "bot long-01 event 8: order long-01-o1 placed again",
        "bot long-01 event 9: order long-01-o2 placed where long-01-o3 was next");
  }

  @Test
  void anOrderOutOfItsSequenceIsTwice() {
    List<JournalRow> rows = clean();
    rows.set(5, new JournalRow("bot|long-01", 6, placed("long-01-o7", T + 2 * BAR)));
    rows.set(6, new JournalRow("bot|long-01", 7, filled("long-01-o7", T + 2 * BAR)));

    assertThat(JournalAudit.audit(rows).twice()).containsExactly(
        "bot long-01 event 6: order long-01-o7 placed where long-01-o1 was next");
  }

  @Test
  void aSecondFillIsTwiceAndAFillWithoutItsOrderIsLost() {
    List<JournalRow> twice = renumbered(clean(), 4, filled("long-01-o0", T + BAR));
    assertThat(JournalAudit.audit(twice).twice()).containsExactly(
        "bot long-01 event 5: order long-01-o0 filled after it was already filled or cancelled");

    List<JournalRow> orphan = clean();
    orphan.set(2, new JournalRow("bot|long-01", 3, bar(T + BAR / 2)));
    assertThat(JournalAudit.audit(orphan).lost()).containsExactly(
        "bot long-01 event 4: order long-01-o0 filled but never placed");
  }

  @Test
  void aBarObservedTwiceAndATransferAppliedTwiceAreTwice() {
    List<JournalRow> bar = renumbered(clean(), 5, bar(T + BAR));
    assertThat(JournalAudit.audit(bar).twice()).containsExactly(
        "bot long-01 event 6: bar " + (T + BAR) + " observed after bar " + (T + BAR));

    List<JournalRow> transfer = renumbered(clean(), 11, new BotEntity.CapitalAllocated(2, money("10")));
    assertThat(JournalAudit.audit(transfer).twice()).containsExactly(
        "bot long-01 event 12: transfer 2 applied after transfer 2");
  }

  // ---- fixtures ----------------------------------------------------------------------------------------------

  /** The bot's rows with {@code event} inserted at index {@code at}, sequence numbers kept contiguous. */
  private static List<JournalRow> renumbered(List<JournalRow> rows, int at, Object event) {
    List<Object> events = new ArrayList<>();
    List<JournalRow> others = new ArrayList<>();
    for (JournalRow r : rows) {
      if (r.persistenceId().equals("bot|long-01")) events.add(r.event());
      else others.add(r);
    }
    events.add(at, event);
    List<JournalRow> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) out.add(new JournalRow("bot|long-01", i + 1, events.get(i)));
    out.addAll(others);
    return out;
  }

  private static final class Journal {
    final String pid;
    final List<JournalRow> rows = new ArrayList<>();

    Journal(String botId) {
      this.pid = "bot|" + botId;
    }

    void add(Object event) {
      rows.add(new JournalRow(pid, rows.size() + 1, event));
    }
  }

  private static BotEntity.MarketObserved bar(long time) {
    return new BotEntity.MarketObserved(time, "ETH-USD", money("1650"), null, BotStats.initial());
  }

  private static BotEntity.OrderPlaced placed(String id, long time) {
    return new BotEntity.OrderPlaced(new Order(id, "ETH-USD", OrderAction.BUY, money("0.1"), Order.Reason.ENTRY, time));
  }

  private static BotEntity.OrderFilled filled(String id, long time) {
    return new BotEntity.OrderFilled(id, new Fill("ETH-USD", OrderAction.BUY, money("0.1"), money("1650"),
        money("0.165"), time));
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(8);
  }
}
