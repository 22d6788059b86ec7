package io.strikeswarm.swarm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  private static Results manyBots(int n) {
    Results r = new Results();
    for (int i = 0; i < n; i++) {
      // bot-i makes (i - 5) × 10: bot-0 is the worst, bot-(n-1) the best.
      r.bot("bot-" + i, i % 2 == 0 ? "long-strike" : "short-strike", "1000", String.valueOf(1000 + (i - 5) * 10),
          1, i > 5 ? 1 : 0, "1");
    }
    return r;
  }

  private static List<String> section(String text, String title) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf(title);
    assertThat(start).as(title).isNotNegative();
    int end = start + 2;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return lines.subList(start + 2, end); // skip the title and the column header
  }

  @Test
  void showsTheHeadlineFiguresAndOneLinePerDiamond() {
    String text = ConsoleSummary.render(Results.swarm().build());

    assertThat(text).contains("return               +0.55 %").contains("buy & hold           +5.00 %")
        .contains("net P&L                +550.00").contains("max drawdown          0.25 %")
        .contains("sharpe                 24.54").contains("trades                     8")
        .contains("win rate             37.50 %").contains("profit factor           2.11")
        .contains("bot-bars/s");
    assertThat(text.lines().filter(l -> l.matches("\\s+(amm|long-strike|short-strike)\\s+\\d+ .*"))).hasSize(3);
    assertThat(text).contains("data=btc-1h.csv bar=1h fees_bps=10");
  }

  @Test
  void listsTheFiveBestAndTheFiveWorstBotsByPnl() {
    String text = ConsoleSummary.render(manyBots(12).build());

    assertThat(section(text, "top 5 bots by P&L")).extracting(l -> l.trim().split("\\s+")[0])
        .containsExactly("bot-11", "bot-10", "bot-9", "bot-8", "bot-7");
    assertThat(section(text, "bottom 5 bots by P&L")).extracting(l -> l.trim().split("\\s+")[0])
        .containsExactly("bot-0", "bot-1", "bot-2", "bot-3", "bot-4");
    assertThat(text).doesNotContain("bot-5 ").doesNotContain("bot-6 ");
  }

  @Test
  void tenBotsOrFewerAreAllListedOnceBestFirst() {
    String text = ConsoleSummary.render(manyBots(3).build());

    assertThat(section(text, "all 3 bots by P&L")).extracting(l -> l.trim().split("\\s+")[0])
        .containsExactly("bot-2", "bot-1", "bot-0");
    assertThat(text).doesNotContain("top 5").doesNotContain("bottom 5");
  }

  @Test
  void columnsStayAlignedWhateverTheNumbersAndNames() {
    Results r = manyBots(12);
    r.bot("a-bot-with-a-very-long-identifier", "long-strike", "1000000", "2000000", 1, 1, "1");
    String text = ConsoleSummary.render(r.build());

    List<String> rows = section(text, "top 5 bots by P&L");
    assertThat(rows.get(0)).startsWith("  a-bot-with-a-ve… ");
    assertThat(rows).extracting(String::length).containsOnly(rows.get(1).length());
  }

  @Test
  void withoutProfitFactorItSaysNotApplicable() {
    assertThat(ConsoleSummary.render(new Results().tradesWithPnl("1").build()))
        .contains("profit factor            n/a");
  }
}
