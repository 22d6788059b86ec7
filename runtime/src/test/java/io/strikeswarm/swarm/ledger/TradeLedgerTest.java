package io.strikeswarm.swarm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.SwarmCli;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.backtest.BacktestRunner;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.TradeRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trade ledger end to end on a real backtest's journal: `swarm export trades` catches the projection up, writes
 * one audit line per fill, and writes the same bytes however often it runs — also after the projection's offset is
 * thrown away and every envelope is processed again. Its FIFO tax view realizes what the bots' own ledger did.
 */
@Tag("slow")
class TradeLedgerTest {
  @TempDir
  Path dir;

  @Test
  void the_export_has_every_fill_once_is_repeatable_and_its_tax_view_adds_up_to_the_bots_pnl() throws Exception {
    BacktestOptions options = new BacktestOptions(List.of("builtin:bitstamp-btcusd-2013"), Optional.empty(),
        Optional.empty(), Optional.of(3), Optional.of(3), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, 64);
    BacktestResult result = new BacktestRunner(dir, ConfigFactory.empty(), new PrintWriter(Writer.nullWriter()), false)
        .run(options);
    assertThat(result.trades()).as("closed trades").hasSizeGreaterThan(10);
    Path journalDir = dir.resolve("backtest");

    Path audit = dir.resolve("audit.csv");
    assertThat(cli("--data-dir", journalDir.toString(), "export", "trades", "--out", audit.toString())).isZero();
    List<String> lines = Files.readAllLines(audit);
    assertThat(lines.get(0)).isEqualTo(LedgerCsv.AUDIT_HEADER);
    // Every closed trade has an entry fill and an exit fill; the simulated venue fills each order once.
    long exits = lines.stream().skip(1).filter(l -> !l.contains(",entry,")).count();
    long entries = lines.stream().skip(1).filter(l -> l.contains(",entry,")).count();
    assertThat(exits).isEqualTo(result.trades().size());
    assertThat(entries).isGreaterThanOrEqualTo(result.trades().stream().map(t -> t.botId() + t.entryTimeMs())
        .distinct().count());
    assertThat(lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().count())
        .as("one line per journal event").isEqualTo(lines.size() - 1);

    Path again = dir.resolve("again.csv");
    assertThat(cli("--data-dir", journalDir.toString(), "export", "trades", "--out", again.toString())).isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(audit));

    // Forget where the projection stood: every envelope is processed again, and no line is doubled.
    forgetOffset(journalDir);
    Path replayed = dir.resolve("replayed.csv");
    assertThat(cli("--data-dir", journalDir.toString(), "export", "trades", "--out", replayed.toString())).isZero();
    assertThat(Files.readAllBytes(replayed)).isEqualTo(Files.readAllBytes(audit));

    Path tax = dir.resolve("tax.csv");
    assertThat(cli("--data-dir", journalDir.toString(), "export", "trades", "--view", "tax", "--out",
        tax.toString())).isZero();
    Map<String, BigDecimal> gainByBot = new HashMap<>();
    for (String l : Files.readAllLines(tax).subList(1, Files.readAllLines(tax).size())) {
      String[] f = l.split(",");
      gainByBot.merge(f[0], new BigDecimal(f[8]), BigDecimal::add);
    }
    Map<String, BigDecimal> pnlByBot = new HashMap<>();
    for (TradeRow t : result.trades()) pnlByBot.merge(t.botId(), t.pnl(), BigDecimal::add);
    // A bot flat at the end has realized all it traded: FIFO and the bot's own books agree on the total, exactly.
    Map<String, BigDecimal> netQuantity = new HashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      BigDecimal q = new BigDecimal(f[7]);
      netQuantity.merge(f[2], f[6].equals("buy") ? q : q.negate(), BigDecimal::add);
    }
    List<String> flat = netQuantity.entrySet().stream().filter(e -> e.getValue().signum() == 0).map(Map.Entry::getKey)
        .toList();
    assertThat(flat).as("bots flat at the end").isNotEmpty();
    for (String bot : flat) {
      assertThat(gainByBot.getOrDefault(bot, BigDecimal.ZERO)).as(bot)
          .isEqualByComparingTo(pnlByBot.getOrDefault(bot, BigDecimal.ZERO));
    }
  }

  @Test
  void bad_options_are_refused_before_anything_is_read() {
    StringWriter err = new StringWriter();
    int code = SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err, true), "--data-dir",
        dir.toString(), "export", "trades", "--view", "gains");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--view: 'gains' is not audit or tax");
    err.getBuffer().setLength(0);
    assertThat(SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err, true), "--data-dir",
        dir.toString(), "export", "trades", "--from", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--from: 'yesterday' is neither ISO-8601");
    err.getBuffer().setLength(0);
    assertThat(SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err, true), "--data-dir",
        dir.resolve("empty").toString(), "export", "trades")).isEqualTo(2);
    assertThat(err.toString()).contains("no journal in");
  }

  private static int cli(String... args) {
    return SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true), args);
  }

  private static void forgetOffset(Path journalDir) throws Exception {
    String url = "jdbc:h2:file:" + journalDir.resolve("journal").resolve("strikeswarm").toAbsolutePath()
        + ";TRACE_LEVEL_FILE=0";
    try (var c = java.sql.DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
      assertThat(s.executeUpdate("DELETE FROM \"pekko_projection_offset_store\"")).isEqualTo(1);
    }
  }
}
