package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.HOUR;
import static io.strikeswarm.swarm.report.Results.T0;
import static io.strikeswarm.swarm.report.Results.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TradesCsvTest {

  private static TradeRow trade(String bot, long entry, long exit, String reason) {
    return new TradeRow(bot, "long-strike", "BTC-USD", "LONG", bd("1"), entry, bd("100"), exit, bd("101"), bd("1"),
        bd("0.1"), reason);
  }

  private static List<String> lines(String csv) {
    return csv.lines().toList();
  }

  @Test
  void headerIsExactlyTheAgreedColumns() {
    assertThat(lines(TradesCsv.render(List.of())))
        .containsExactly("bot_id,diamond,instrument,side,quantity,entry_time_ms,entry_price,exit_time_ms,exit_price,"
            + "pnl,fees,exit_reason");
  }

  @Test
  void rowsAreOrderedByExitTimeThenBotThenEntryTimeThenInputOrder() {
    List<TradeRow> trades = List.of(
        trade("b", T0, T0 + 3 * HOUR, "late"),
        trade("b", T0 + HOUR, T0 + 2 * HOUR, "same exit; bot b; later entry"),
        trade("b", T0, T0 + 2 * HOUR, "same exit; bot b; earlier entry"),
        trade("a", T0 + HOUR, T0 + 2 * HOUR, "same exit; bot a"),
        trade("a", T0, T0 + HOUR, "first tie"),
        trade("a", T0, T0 + HOUR, "second tie"));

    assertThat(lines(TradesCsv.render(trades)).subList(1, 7)).extracting(l -> l.substring(l.lastIndexOf(',') + 1))
        .containsExactly("first tie", "second tie", "same exit; bot a", "same exit; bot b; earlier entry",
            "same exit; bot b; later entry", "late");
  }

  @Test
  void rowsHoldEveryFieldWithNumbersInPlainNotation() {
    TradeRow t = new TradeRow("short-7", "short-strike", "ETH-USD", "SHORT", bd("1.5E-7"), 1_700_000_000_000L,
        bd("2.5E+3"), 1_700_000_360_000L, bd("2450.10"), bd("-1E+1"), bd("0.000375"), "stop-loss");

    assertThat(lines(TradesCsv.render(List.of(t))).get(1)).isEqualTo(
        "short-7,short-strike,ETH-USD,SHORT,0.00000015,1700000000000,2500,1700000360000,2450.10,-10,0.000375,"
            + "stop-loss");
  }

  @Test
  void aFieldWithACommaOrQuoteIsQuotedTheCsvWay() {
    TradeRow t = new TradeRow("bot,1", "long-strike", "BTC-USD", "LONG", bd("1"), T0, bd("1"), T0, bd("1"), bd("0"),
        bd("0"), "stop \"hard\"");

    assertThat(lines(TradesCsv.render(List.of(t))).get(1))
        .startsWith("\"bot,1\",long-strike,").endsWith(",\"stop \"\"hard\"\"\"");
  }

  @Test
  void linesEndWithLineFeedOnly() {
    String csv = TradesCsv.render(Results.swarm().trades);

    assertThat(csv).doesNotContain("\r").endsWith("\n");
    assertThat(csv.split("\n", -1)).hasSize(Results.swarm().trades.size() + 2); // header, rows, empty after last \n
  }

  @Property(tries = 200)
  void theOrderTheDriverListedTradesInDoesNotChangeTheFile(@ForAll("distinctTrades") List<TradeRow> trades,
      @ForAll long seed) {
    List<TradeRow> shuffled = new ArrayList<>(trades);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(TradesCsv.render(shuffled)).isEqualTo(TradesCsv.render(trades));
  }

  /** Trades that differ in (exit time, bot, entry time): the only case where input order must not matter. */
  @Provide
  Arbitrary<List<TradeRow>> distinctTrades() {
    Arbitrary<TradeRow> trade = Combinators.combine(
            Arbitraries.of("long-1", "long-2", "short-1", "amm-1"),
            Arbitraries.longs().between(0, 20),
            Arbitraries.longs().between(0, 20),
            Arbitraries.bigDecimals().between(bd("-500"), bd("500")).ofScale(2))
        .as((bot, entry, hold, pnl) -> new TradeRow(bot, "d", "BTC-USD", "LONG", bd("0.1"), T0 + entry * HOUR,
            bd("100"), T0 + (entry + hold) * HOUR, bd("101"), pnl, bd("0.02"), "signal"));
    return trade.list().ofMaxSize(40)
        .uniqueElements(t -> List.of(t.exitTimeMs(), t.botId(), t.entryTimeMs()));
  }
}
