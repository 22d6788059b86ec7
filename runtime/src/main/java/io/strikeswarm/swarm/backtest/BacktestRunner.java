package io.strikeswarm.swarm.backtest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.bots.strategy.StrategyCatalog;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.risk.RiskLimits;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.venue.CexPaperCheck;
import io.strikeswarm.swarm.SwarmSettings;
import io.strikeswarm.swarm.market.InstrumentSeries;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataLoader;
import io.strikeswarm.swarm.market.SourceReport;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.BotResult;
import io.strikeswarm.swarm.report.EquityPoint;
import io.strikeswarm.swarm.report.InstrumentRange;
import io.strikeswarm.swarm.report.RiskEvent;
import io.strikeswarm.swarm.report.TradeRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.strikeswarm.persistence.ReadSide;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * One backtest, start to end: load the data, start a swarm on a fresh journal of its own (the configured swarm,
 * reshaped by the options), let the master create and fund the roster, replay the data through the bots in
 * lockstep, then read the trade ledger back from the journal and build the result. The same bots, venue model,
 * risk rules and events as paper trading; only the feed is a file.
 */
public final class BacktestRunner {
  private static final Duration ASK = Duration.ofSeconds(60);

  private final Path dataDirectory;
  private final Config overrides;
  private final PrintWriter console;
  private final boolean terminal;

  public BacktestRunner(Path dataDirectory, Config overrides, PrintWriter console, boolean terminal) {
    this.dataDirectory = dataDirectory;
    this.overrides = overrides;
    this.console = console;
    this.terminal = terminal;
  }

  /** Where a backtest keeps its journal: its own directory, emptied at the start of every run. */
  public static Path journalDirectory(Path dataDirectory) {
    return dataDirectory.resolve("backtest");
  }

  public BacktestResult run(BacktestOptions options) {
    long started = System.nanoTime();
    options.validate();
    LoadOptions load = new LoadOptions(options.bar().map(LoadOptions::parseBar), options.symbol(),
        options.skipBadRows(), options.flashGuard());
    MarketData market = MarketDataLoader.load(options.data(), load);
    List<String> instruments = market.instruments().stream().map(InstrumentSeries::instrument).toList();
    console.println("data: " + String.join(", ", options.data()) + " -> " + market.timeline().size() + " bars of "
        + String.join(", ", instruments));

    // Check the whole plan before anything is written.
    Config config = SwarmRuntime.loadConfig(journalDirectory(dataDirectory), backtestOverrides(options));
    SwarmSettings base = SwarmSettings.from(config);
    SwarmSettings settings = reshape(base, options, instruments);
    CexPaperCheck.refuseInBacktest(settings);

    Path journal = journalDirectory(dataDirectory);
    emptyDirectory(journal);
    try (SwarmRuntime runtime = SwarmRuntime.start(config, settings)) {
      SwarmClient client = new SwarmClient(runtime, ASK);
      client.awaitSettled(settings.startupTimeout());
      SwarmLayout layout = SwarmLayout.read(client);
      List<ReplayDriver.BotSlot> slots = layout.slots();
      List<String> botIds = layout.botIds();

      console.println("swarm: " + slots.size() + " bots, capital " + plain(settings.swarm().totalCapital())
          + ", risk " + (options.riskOff() ? "none" : "default") + "; replaying in lockstep");
      ReplayDriver driver = new ReplayDriver(runtime.system(), runtime.master(), runtime::bot, slots,
          layout.masterUnits(), layout.diamondPools(), layout.botEquity(), options.stepBars(), ASK,
          new ProgressBar(console, terminal));
      ReplayDriver.Outcome outcome = driver.run(market.timeline());

      List<BotView> after = client.bots(botIds);
      List<TradeRow> trades = readLedger(runtime, slots);
      return result(options, settings, market, slots, after, trades, outcome, System.nanoTime() - started);
    }
  }

  /**
   * The configuration layer a backtest adds: no scheduled rebalancing (capital moves only by trading), and no trade
   * ledger projection while it runs (it would compete with the replay; `swarm export trades` catches up afterwards).
   */
  private Config backtestOverrides(BacktestOptions options) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("swarm.rebalance.interval", "0s");
    values.put("swarm.ledger.enabled", false);
    // Every backtest starts from an empty journal of its own (the cassandra profile: the truncated scratch keyspace).
    values.put("swarm.persistence.scratch", true);
    values.put("swarm.persistence.fresh-journal", true);
    options.capital().ifPresent(c -> values.put("swarm.capital.total", c.toPlainString()));
    options.longBots().ifPresent(n -> values.put("swarm.diamonds.long-strike.bots", n));
    options.shortBots().ifPresent(n -> values.put("swarm.diamonds.short-strike.bots", n));
    return ConfigFactory.parseMap(values).withFallback(overrides);
  }

  /**
   * The configured swarm, reshaped by the options: instruments the data does not hold are replaced by the data's
   * (round robin), and costs, fills, leverage, strategy and risk mode apply to every template.
   */
  static SwarmSettings reshape(SwarmSettings base, BacktestOptions options, List<String> instruments) {
    Map<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(DiamondKind.class);
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondConfig d = base.swarm().diamond(kind);
      List<BotTemplate> templates = new ArrayList<>();
      for (int i = 0; i < d.templates().size(); i++) {
        BotTemplate t = d.templates().get(i);
        String instrument = instruments.contains(t.instrument()) ? t.instrument() : instruments.get(i % instruments.size());
        String strategy = options.strategy().map(BacktestOptions.StrategyChoice::name).orElse(t.strategy());
        Map<String, String> parameters = options.strategy().map(BacktestOptions.StrategyChoice::parameters)
            .orElse(t.parameters());
        TradePlan plan = options.riskOff() ? TradePlan.signalsOnly(t.plan().leverage()) : t.plan();
        if (options.leverage().isPresent()) plan = plan.withLeverage(options.leverage().get());
        templates.add(new BotTemplate(strategy, parameters, instrument, t.venue(),
            options.feesBps().orElse(t.feeBps()), options.slippageBps().orElse(t.slippageBps()),
            options.fill().orElse(t.fillTiming()), plan));
      }
      diamonds.put(kind, new DiamondConfig(d.weight(), d.bots(), templates));
    }
    RiskLimits risk = options.riskOff() ? new RiskLimits(base.swarm().risk().dailyLoss(),
        base.swarm().risk().maxDrawdown(), false) : base.swarm().risk();
    SwarmConfig swarm = new SwarmConfig(base.swarm().totalCapital(), base.swarm().reserveRatio(), diamonds,
        base.swarm().rebalance(), risk).validate();
    return new SwarmSettings(swarm, base.bots(), base.diamonds(), base.startupTimeout());
  }

  /** Every closed trade, read back from the bots' journals (Pekko Persistence Query), in journal order per bot. */
  private static List<TradeRow> readLedger(SwarmRuntime runtime, List<ReplayDriver.BotSlot> slots) {
    ReadSide journal = ReadSide.of(runtime.system());
    List<TradeRow> rows = new ArrayList<>();
    for (ReplayDriver.BotSlot slot : slots) {
      String pid = BotEntity.persistenceId(slot.botId()).id();
      List<EventEnvelope> events;
      try {
        events = journal.events(pid, 0L, Long.MAX_VALUE)
            .runWith(Sink.seq(), runtime.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("could not read the journal of " + slot.botId() + ": " + e.getMessage(), e);
      }
      String diamond = DiamondKind.values()[slot.diamond()].id();
      for (EventEnvelope envelope : events) {
        if (envelope.event() instanceof BotEntity.TradeClosed closed) rows.add(row(closed.trade(), diamond));
      }
    }
    return rows;
  }

  private static TradeRow row(ClosedTrade t, String diamond) {
    return new TradeRow(t.botId(), diamond, t.instrument(), t.side().name(), t.quantity(), t.entryTimeMs(),
        t.entryPrice(), t.exitTimeMs(), t.exitPrice(), t.pnl(), t.fees(), t.exitReason());
  }

  private static BacktestResult result(BacktestOptions options, SwarmSettings settings, MarketData market,
      List<ReplayDriver.BotSlot> slots, List<BotView> bots, List<TradeRow> trades, ReplayDriver.Outcome outcome,
      long elapsedNanos) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("data", String.join(" ", options.data()));
    shown.put("instruments", String.join(" ", market.instruments().stream().map(InstrumentSeries::instrument).toList()));
    shown.put("bar", options.bar().orElse("native (trades: 5m)"));
    shown.put("bots", "long=" + settings.swarm().diamond(DiamondKind.LONG_STRIKE).bots() + ",short="
        + settings.swarm().diamond(DiamondKind.SHORT_STRIKE).bots());
    shown.put("strategy", options.strategy().map(s -> s.name() + (s.parameters().isEmpty() ? "" : ":" + s.parameters()))
        .orElse("templates (swarm.conf)"));
    shown.put("capital", plain(settings.swarm().totalCapital()));
    shown.put("fees_bps", options.feesBps().map(BigDecimal::toPlainString).orElse("templates"));
    shown.put("slippage_bps", options.slippageBps().map(BigDecimal::toPlainString).orElse("templates"));
    shown.put("fill", options.fill().map(f -> f.label()).orElse("templates"));
    shown.put("leverage", options.leverage().map(BigDecimal::toPlainString).orElse("templates"));
    shown.put("risk", options.riskOff() ? "none" : "default");
    shown.put("step_bars", Integer.toString(options.stepBars()));
    shown.put("flash_guard", options.flashGuard().toString());

    List<InstrumentRange> ranges = new ArrayList<>();
    for (InstrumentSeries s : market.instruments()) {
      List<Bar> bars = s.bars();
      Bar first = bars.get(0);
      Bar last = bars.get(bars.size() - 1);
      ranges.add(new InstrumentRange(s.instrument(), bars.size(), first.timeMs(), first.close(), last.timeMs(),
          last.close()));
    }
    Map<String, Long> closedByBot = new TreeMap<>();
    Map<String, Long> winsByBot = new TreeMap<>();
    for (TradeRow t : trades) {
      closedByBot.merge(t.botId(), 1L, Long::sum);
      if (t.pnl().signum() > 0) winsByBot.merge(t.botId(), 1L, Long::sum);
    }
    List<BotResult> botResults = new ArrayList<>();
    for (int b = 0; b < slots.size(); b++) {
      BotView v = bots.get(b);
      String diamond = DiamondKind.values()[slots.get(b).diamond()].id();
      long closed = closedByBot.getOrDefault(v.botId(), 0L);
      long wins = winsByBot.getOrDefault(v.botId(), 0L);
      botResults.add(new BotResult(v.botId(), diamond, StrategyCatalog.describe(v.config().validate()),
          v.config().instrument(), v.allocated(), v.equity(), (int) closed, (int) wins, v.feesPaid(),
          v.status().name()));
    }
    List<EquityPoint> equity = new ArrayList<>();
    for (ReplayDriver.EquitySample sample : outcome.equity()) {
      Map<String, BigDecimal> perDiamond = new TreeMap<>();
      for (DiamondKind kind : DiamondKind.values()) {
        perDiamond.put(kind.id(), BigDecimal.valueOf(sample.diamondUnits()[kind.ordinal()], Money.SCALE));
      }
      equity.add(new EquityPoint(sample.timeMs(), BigDecimal.valueOf(sample.totalUnits(), Money.SCALE), perDiamond,
          sample.state().name()));
    }
    List<RiskEvent> riskEvents = new ArrayList<>();
    for (SwarmRisk.Change c : outcome.riskChanges()) {
      riskEvents.add(new RiskEvent(c.timeMs(), c.from().name(), c.to().name(), c.reason()));
    }
    return new BacktestResult(shown, settings.swarm().totalCapital(), market.timeline().size(), ranges, botResults,
        trades, equity, riskEvents, dataIssues(market), TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
        outcome.botBars(), outcome.replayNanos());
  }

  /**
   * Rows skipped (by reason), gaps and flash prints (by reason), per source: what the data had that a reader of the
   * result should know.
   */
  private static Map<String, Long> dataIssues(MarketData market) {
    Map<String, Long> issues = new LinkedHashMap<>();
    for (SourceReport source : market.report().sources()) {
      source.skipped().forEach((reason, count) -> issues.put(source.source() + ": rows skipped: " + reason, count));
      if (source.gaps() > 0) issues.put(source.source() + ": gaps (missing bars, kept as gaps)", source.gaps());
      source.flashPrints().forEach((reason, count) -> issues.put(source.source() + ": " + reason + ", "
          + source.flashVerdict(), count));
    }
    return issues;
  }

  /** Deletes a directory's whole content and the directory (a fresh journal for a run that always starts anew). */
  public static void emptyDirectory(Path directory) {
    if (!Files.exists(directory)) return;
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot empty " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
