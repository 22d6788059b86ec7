package io.strikeswarm.swarm.paper;

import com.typesafe.config.Config;
import io.strikeswarm.http.ApiServer;
import io.strikeswarm.http.api.ApiContext;
import io.strikeswarm.http.api.ApiSettings;
import io.strikeswarm.http.audit.AuditLog;
import io.strikeswarm.http.auth.AuthSettings;
import io.strikeswarm.http.auth.Authenticator;
import io.strikeswarm.http.auth.RateLimiter;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.http.view.EquityHistory;
import io.strikeswarm.http.view.EventHub;
import io.strikeswarm.http.view.FeedStatus;
import io.strikeswarm.http.view.LedgerIndex;
import io.strikeswarm.http.view.SwarmMonitor;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.persistence.ReadSide;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import io.strikeswarm.swarm.backtest.ReplayDriver;
import io.strikeswarm.swarm.venue.CexPaperCheck;
import io.strikeswarm.swarm.venue.PaperCexMarket;
import io.strikeswarm.swarm.backtest.SwarmLayout;
import io.strikeswarm.swarm.cluster.ClusterJoin;
import io.strikeswarm.swarm.market.InstrumentSeries;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.strikeswarm.swarm.chain.AmmWiring;
import io.strikeswarm.swarm.chain.ChainWatcher;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The operated swarm ({@code swarm run}): the swarm on its own journal (DATA_DIR/journal), paper trading on
 * replayed real data through the same bots, venue model and risk rules as a backtest, and the HTTP API with the
 * dashboard. It runs until stopped; CoordinatedShutdown first stops the feed between two steps (the step in flight
 * is committed by every bot), then unbinds the API, then stops the bots after their persists. A restart on the same
 * data directory resumes after the last bar each bot committed. In the cluster profile every node serves the API and
 * the dashboard (the master through its singleton proxy, bots through sharding) while one node runs the feed
 * ({@link FeedSingleton}).
 */
public final class PaperService implements AutoCloseable {
  private static final Duration ASK = Duration.ofSeconds(30);

  private final SwarmRuntime runtime;
  private final AtomicReference<PaperFeed> feed;
  private final ServerBinding binding;
  private final java.net.URI management;
  private final Path tokenFile;

  private PaperService(SwarmRuntime runtime, AtomicReference<PaperFeed> feed, ServerBinding binding,
      java.net.URI management, Path tokenFile) {
    this.runtime = runtime;
    this.feed = feed;
    this.binding = binding;
    this.management = management;
    this.tokenFile = tokenFile;
  }

  /** Pekko Management's endpoint of this node (cluster members, shards). */
  public java.net.URI management() {
    return management;
  }

  public static PaperService start(Path dataDirectory, Config overrides, PaperOptions options, SwarmMetrics metrics,
      PrintWriter console) {
    return start(dataDirectory, overrides, options, metrics, console, null);
  }

  /**
   * As above, and with {@code amm} (may be null) the AMM diamond's bots on their chains, each chain watched by a
   * {@link ChainWatcher} that shows every new block to the bots on it.
   */
  public static PaperService start(Path dataDirectory, Config overrides, PaperOptions options, SwarmMetrics metrics,
      PrintWriter console, AmmWiring amm) {
    MarketData market = MarketDataLoader.load(options.data(),
        new LoadOptions(options.bar().map(LoadOptions::parseBar), options.symbol(), options.skipBadRows(),
            options.flashGuard()));
    List<String> instruments = market.instruments().stream().map(InstrumentSeries::instrument).toList();
    Config config = io.strikeswarm.swarm.NodeConfig.load(dataDirectory, overrides);
    SwarmSettings settings = SwarmSettings.from(config);
    checkInstruments(settings, instruments);
    boolean routed = CexPaperCheck.routedBotsOnReplayedData(settings, config);
    Config http = config.getConfig("swarm.http");
    ApiSettings api = ApiSettings.from(http);
    String host = options.host().orElse(http.getString("host"));
    int port = options.port().orElse(http.getInt("port"));
    Duration viewRefresh = http.getDuration("view-refresh");
    AuthSettings auth = ApiTokens.settings(config, dataDirectory, console);

    SwarmRuntime runtime = SwarmRuntime.start(config, settings, amm);
    try {
      SwarmClient client = new SwarmClient(runtime, ASK);
      client.awaitSettled(settings.startupTimeout());
      if (amm != null) ChainWatcher.startAll(runtime.system(), amm);

      EventHub hub = new EventHub(runtime.system());
      EquityHistory history = new EquityHistory(20_000);
      AtomicReference<PaperFeed> feedRef = new AtomicReference<>();
      SwarmMonitor monitor = new SwarmMonitor(runtime.system(), runtime.master(),
          () -> feedRef.get() == null ? FeedStatus.none() : feedRef.get().status(), hub, metrics, ASK);
      ReadSide readSide = ReadSide.of(runtime.system());
      LedgerIndex ledger = new LedgerIndex(metrics, hub);
      ActorRef<AuditLog.Command> audit = AuditLog.initSingleton(runtime.system());

      // The feed resumes after the last bar each bot committed, as the journal says when it is built.
      String source = String.join(", ", options.data());
      java.util.function.Supplier<PaperFeed> feedFactory = () -> {
        // A master that has just moved to another node may still be recovering or initializing.
        client.awaitSettled(settings.startupTimeout());
        SwarmLayout layout = SwarmLayout.read(client);
        ReplayDriver driver = new ReplayDriver(runtime.system(), runtime.master(), runtime::bot, layout.slots(),
            layout.masterUnits(), layout.diamondPools(), layout.botEquity(), 1, ASK, null)
            .resumingAfter(layout.lastBarTimes())
            .readingOutsideEquityFrom(() -> SwarmLayout.outsideEquity(client));
        if (routed) driver.beforeEachCommit(PaperCexMarket.get(runtime.system())::quote);
        long resumeAfter = java.util.Arrays.stream(layout.lastBarTimes()).max().orElse(0);
        return new PaperFeed(driver, market.timeline(), options.speed(), source, resumeAfter, history, metrics,
            status -> monitor.refresh());
      };
      // One node: the feed is built here and now. A cluster: one feed for all nodes, in a singleton (started below).
      boolean clustered = ClusterJoin.of(config) == ClusterJoin.BOOTSTRAP;
      if (!clustered) feedRef.set(feedFactory.get());

      ApiContext ctx = new ApiContext(runtime.system(), runtime.master(), runtime.bots(), audit, readSide, monitor, ledger,
          history, hub, () -> feedRef.get() == null ? FeedStatus.none() : feedRef.get().status(),
          new Authenticator(auth), new RateLimiter(auth.rateLimit()), metrics, api);
      monitor.refresh().toCompletableFuture().get(ASK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      monitor.start(viewRefresh);
      ledger.start(runtime.system(), readSide);
      ServerBinding binding = ApiServer.start(ctx, host, port, Duration.ofSeconds(10));
      java.net.URI management = io.strikeswarm.swarm.management.ManagementServer.start(runtime.system());

      CoordinatedShutdown shutdown = CoordinatedShutdown.get(runtime.system());
      shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "stop-paper-feed", () -> {
        PaperFeed hosted = feedRef.get();
        if (hosted != null) hosted.stop(60_000);
        return CompletableFuture.completedFuture(Done.getInstance());
      });
      shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "stop-swarm-views", () -> {
        monitor.close();
        ledger.close();
        hub.close();
        return CompletableFuture.completedFuture(Done.getInstance());
      });
      if (clustered) {
        FeedSingleton.init(runtime.system(), feedFactory, feedRef);
      } else {
        feedRef.get().start();
      }
      return new PaperService(runtime, feedRef, binding, management, ApiTokens.tokenFile(dataDirectory));
    } catch (Exception e) {
      runtime.close();
      if (e instanceof RuntimeException r) throw r;
      throw new IllegalStateException("the service did not start: " + e.getMessage(), e);
    }
  }

  /** Every bot's instrument must be in the feed: a bot with no market would sit idle without anyone noticing. */
  private static void checkInstruments(SwarmSettings settings, List<String> instruments) {
    TreeSet<String> missing = new TreeSet<>();
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondConfig d = settings.swarm().diamond(kind);
      if (d.bots() == 0 || kind == DiamondKind.AMM) continue;
      for (BotTemplate t : d.templates()) if (!instruments.contains(t.instrument())) missing.add(t.instrument());
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the bots trade " + missing + " but the market data holds only "
          + instruments + " (choose --data with those instruments, or --symbol)");
    }
  }

  public SwarmRuntime runtime() {
    return runtime;
  }

  /** The feed this node runs: always on a single node; in a cluster only on the node hosting its singleton (else null). */
  public PaperFeed feed() {
    return feed.get();
  }

  public InetSocketAddress address() {
    return binding.localAddress();
  }

  public Path tokenFile() {
    return tokenFile;
  }


  /** Graceful stop: the same CoordinatedShutdown as SIGTERM. */
  @Override
  public void close() {
    runtime.close();
  }
}
