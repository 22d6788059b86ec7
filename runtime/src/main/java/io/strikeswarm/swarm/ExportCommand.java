package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.ledger.FifoTaxLots;
import io.strikeswarm.swarm.ledger.LedgerCsv;
import io.strikeswarm.swarm.ledger.LedgerLine;
import io.strikeswarm.swarm.ledger.TradeLedger;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `swarm export ...`: files out of the journal's read side. */
@Command(name = "export", description = "Export the read side: `export trades` writes the trade ledger as CSV.",
    subcommands = {ExportCommand.Trades.class})
final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "trades", sortOptions = false, description = {"The trade ledger of the data directory's journal, "
      + "brought up to date first (the projection catches up with every bot event journaled): the audit view (every "
      + "fill: time, bot, venue, order id, side, quantity, price, fee, reason, journal event) or the tax view (FIFO "
      + "lots per bot and instrument: opened, closed, proceeds, cost basis, gain). Times are market times, UTC. "
      + "Run it on a stopped swarm's data directory (the local journal allows one process). On the cassandra profile "
      + "it reads the configured keyspace's ledger, or with --scratch the scratch keyspace (the last backtest's)."})
  static final class Trades implements Callable<Integer> {
    @CommandLine.ParentCommand
    ExportCommand export;

    @Option(names = "--from", description = "First market time included: ISO-8601 (2013-04-01T00:00:00Z) or epoch ms")
    String from;

    @Option(names = "--to", description = "First market time excluded: ISO-8601 or epoch ms")
    String to;

    @Option(names = "--format", defaultValue = "csv", description = "csv (the only format)")
    String format;

    @Option(names = "--view", defaultValue = "audit", description = "audit (every fill) or tax (FIFO lots)")
    String view;

    @Option(names = "--out", description = "File to write (default: standard output)")
    Path out;

    @Option(names = "--scratch", description = "cassandra profile: the scratch keyspace's journal (what the last "
        + "backtest wrote) instead of the operated swarm's; the local profile keeps a backtest's journal in its data "
        + "directory (--data-dir data/backtest)")
    boolean scratch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!format.equals("csv")) throw new SwarmCli.BadOption("--format: '" + format + "' is not supported (csv)");
      if (!view.equals("audit") && !view.equals("tax")) {
        throw new SwarmCli.BadOption("--view: '" + view + "' is not audit or tax");
      }
      long fromMs = from == null ? Long.MIN_VALUE : time("--from", from);
      long toMs = to == null ? Long.MAX_VALUE : time("--to", to);
      if (fromMs >= toMs) throw new SwarmCli.BadOption("--from must be before --to");
      SwarmCli cli = spec.commandLine().getParent().getParent().getCommand();
      Path data = cli.dataDirectory();
      Config overrides = scratch
          ? ConfigFactory.parseMap(Map.of("swarm.persistence.scratch", true)).withFallback(cli.overrides())
          : cli.overrides();
      boolean local = NodeConfig.load(data, overrides).getString("swarm.persistence.profile").equalsIgnoreCase("local");
      if (local && !Files.isDirectory(data.resolve("journal"))) {
        throw new SwarmCli.BadOption("--data-dir: no journal in " + data + " (nothing was ever run there)");
      }
      List<LedgerLine> lines = read(data, overrides, fromMs, toMs);
      try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
          : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        Writer writer = out == null ? new BufferedWriter(w) : w;
        if (view.equals("audit")) LedgerCsv.writeAudit(lines, writer);
        else LedgerCsv.writeTax(FifoTaxLots.realized(lines), writer);
        writer.flush();
      }
      if (out != null) {
        spec.commandLine().getErr().printf("export: %d fills %s to %s%n", lines.size(),
            view.equals("audit") ? "written" : "as FIFO lots", out);
      }
      return 0;
    }

    /** Catches the ledger up on a node of its own (bots are not started: nothing trades) and reads it. */
    static List<LedgerLine> read(Path data, Config overrides, long fromMs, long toMs) {
      Config config = NodeConfig.load(data, overrides.withFallback(ConfigFactory.parseMap(Map.of(
          "swarm.management.port", 0, "swarm.ledger.enabled", true))));
      ActorSystem<Void> system = SwarmRuntime.startBotNode(config, io.strikeswarm.bots.entity.BotSettings.DEFAULT,
          Duration.ofSeconds(60));
      try {
        TradeLedger ledger = TradeLedger.of(system).orElseThrow(() -> new SwarmCli.BadOption(
            "export: the configuration names no journal database for the ledger"));
        ledger.createTables(Duration.ofSeconds(30)).start();
        ledger.awaitCaughtUp(config.getDuration("swarm.ledger.catch-up-timeout"));
        return ledger.lines(fromMs, toMs);
      } finally {
        system.terminate();
        try {
          system.getWhenTerminated().toCompletableFuture().get();
        } catch (Exception e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private static long time(String option, String text) {
      try {
        return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new SwarmCli.BadOption(option + ": '" + text + "' is neither ISO-8601 (2013-04-01T00:00:00Z) nor epoch ms");
      }
    }
  }
}
