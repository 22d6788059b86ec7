package io.strikeswarm.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotState;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.http.ApiServer;
import io.strikeswarm.http.api.ApiContext;
import io.strikeswarm.http.api.ApiSettings;
import io.strikeswarm.http.audit.AuditLog;
import io.strikeswarm.http.auth.AuthSettings;
import io.strikeswarm.http.auth.Authenticator;
import io.strikeswarm.http.auth.NewToken;
import io.strikeswarm.http.auth.RateLimit;
import io.strikeswarm.http.auth.RateLimiter;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.auth.TokenGenerator;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.http.view.EquityHistory;
import io.strikeswarm.http.view.EventHub;
import io.strikeswarm.http.view.FeedStatus;
import io.strikeswarm.http.view.LedgerIndex;
import io.strikeswarm.http.view.SwarmMonitor;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.amm.AmmRoster;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.persistence.JournalSchema;
import io.strikeswarm.persistence.ReadSide;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The API on a free loopback port over a real actor system and the H2 journal in a temporary directory, with a
 * stand-in master that shows a fixed swarm: one directional bot ({@code long-01}, configured and funded) and two
 * AMM bots — {@code amm-07} after the whole {@link AmmScenario} (valued at block 120) and {@code amm-08}, configured
 * and funded but never valued. Their journals hold exactly the events their views were built from. Requests carry
 * a viewer token.
 */
public final class ApiTestServer implements AutoCloseable {
  public static final String LONG_BOT = "long-01";
  public static final String UNVALUED_AMM_BOT = "amm-08";
  public static final BotConfig LONG_CONFIG = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"),
      "BTC-USD", "paper", Side.LONG, BigDecimal.TEN, BigDecimal.ONE);

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Reply(int status, JsonNode body) {}

  private final ActorTestKit testKit;
  private final LedgerIndex ledger;
  private final SwarmMonitor monitor;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  public ApiTestServer(Path dataDir) {
    testKit = ActorTestKit.create("api-test", config(dataDir));
    try {
      JournalSchema.ensureCreated(testKit.system(), Duration.ofSeconds(30));
      writeJournals(new TestJournal(testKit));
      EventHub hub = new EventHub(testKit.system());
      ActorRef<Master.Command> master = testKit.spawn(master(), "master");
      monitor = new SwarmMonitor(testKit.system(), master, FeedStatus::none, hub, SwarmMetrics.NONE,
          Duration.ofSeconds(10));
      monitor.refresh().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
      ReadSide readSide = ReadSide.of(testKit.system());
      ledger = new LedgerIndex(SwarmMetrics.NONE, hub);
      ledger.start(testKit.system(), readSide);
      NewToken viewer = new TokenGenerator().generate("test-viewer", Role.VIEWER);
      token = viewer.token();
      ActorRef<AuditLog.Command> audit = testKit.<AuditLog.Command>createTestProbe().ref();
      ActorRef<BotEntity.Command> bots = testKit.<BotEntity.Command>createTestProbe().ref();
      ApiContext ctx = new ApiContext(testKit.system(), master, id -> bots, audit, readSide, monitor, ledger,
          new EquityHistory(100), hub, FeedStatus::none,
          new Authenticator(new AuthSettings(List.of(viewer.entry()), Optional.empty(), new RateLimit(10_000, 10_000))),
          new RateLimiter(new RateLimit(10_000, 10_000)), SwarmMetrics.NONE,
          new ApiSettings(Duration.ofSeconds(10), 65_536, Duration.ofSeconds(15), 500));
      ServerBinding binding = ApiServer.start(ctx, "127.0.0.1", 0, Duration.ofSeconds(10));
      base = "http://127.0.0.1:" + binding.localAddress().getPort();
    } catch (Exception e) {
      testKit.shutdownTestKit();
      throw new IllegalStateException("the test API did not start: " + e, e);
    }
  }

  private static Config config(Path dataDir) {
    return ConfigFactory.parseString("pekko.loglevel = WARNING")
        .withFallback(JournalProfile.LOCAL.overlay(dataDir))
        .withFallback(ConfigFactory.parseResources("persistence.conf"))
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  public static List<BotEntity.Event> longBotEvents() {
    return List.of(new BotEntity.BotConfigured(LONG_CONFIG), new BotEntity.CapitalAllocated(1, new BigDecimal("1000")));
  }

  public static List<AmmBotEntity.Event> unvaluedAmmBotEvents() {
    return AmmScenario.events().subList(0, 2);
  }

  private static void writeJournals(TestJournal journal) {
    journal.append(BotEntity.persistenceId(LONG_BOT), BotEntity.TAG, longBotEvents());
    journal.append(AmmBotEntity.persistenceId(AmmScenario.BOT), AmmBotEntity.TAG, AmmScenario.events());
    journal.append(AmmBotEntity.persistenceId(UNVALUED_AMM_BOT), AmmBotEntity.TAG, unvaluedAmmBotEvents());
  }

  /** The master as far as the API's swarm view asks it: the swarm, its risk state, rosters and bot views. */
  private static Behavior<Master.Command> master() {
    BotState longBot = BotState.empty(LONG_BOT);
    for (BotEntity.Event e : longBotEvents()) longBot = longBot.apply(e);
    AmmBotState unvalued = AmmBotState.empty(UNVALUED_AMM_BOT);
    for (AmmBotEntity.Event e : unvaluedAmmBotEvents()) unvalued = unvalued.apply(e);
    Map<DiamondKind, List<BotView>> views = new EnumMap<>(DiamondKind.class);
    views.put(DiamondKind.LONG_STRIKE, List.of(BotView.of(longBot, longBotEvents().size())));
    views.put(DiamondKind.SHORT_STRIKE, List.of());
    views.put(DiamondKind.AMM, List.of(
        AmmRoster.asBotView(AmmBotView.of(AmmScenario.stateAfter(AmmScenario.events().size()),
            AmmScenario.block120(), null, AmmScenario.events().size())),
        AmmRoster.asBotView(AmmBotView.of(unvalued, null, null, unvaluedAmmBotEvents().size()))));
    return Behaviors.receive(Master.Command.class)
        .onMessage(Master.GetSwarm.class, m -> {
          m.replyTo().tell(new SwarmView(false, null, null, false, null));
          return Behaviors.same();
        })
        .onMessage(Master.GetRisk.class, m -> {
          m.replyTo().tell(new Master.RiskView(TradingState.ACTIVE, null, null));
          return Behaviors.same();
        })
        .onMessage(Master.GetRoster.class, m -> {
          List<RosterEntry> entries = new ArrayList<>();
          for (BotView v : views.get(m.kind())) entries.add(new RosterEntry(v.botId(), v.config(), BotStatus.ACTIVE));
          m.replyTo().tell(new DiamondView.Roster(m.kind(), DiamondLedger.empty(), entries, 0, 0));
          return Behaviors.same();
        })
        .onMessage(Master.GetStats.class, m -> {
          m.replyTo().tell(new DiamondView.Stats(m.kind(), DiamondLedger.empty(), views.get(m.kind()), List.of(),
              BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
          return Behaviors.same();
        })
        .build();
  }

  /** Where the API and the dashboard are served, e.g. {@code http://127.0.0.1:41234}. */
  public String base() {
    return base;
  }

  /** The viewer token every request of this server's client carries. */
  public String token() {
    return token;
  }

  public Reply get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** GETs the path until its answer passes (the ledger follows the journal within its query's refresh interval). */
  public Reply getUntil(String path, Predicate<Reply> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Reply reply = get(path);
    while (!done.test(reply) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      reply = get(path);
    }
    return reply;
  }

  @Override
  public void close() {
    ledger.close();
    monitor.close();
    testKit.shutdownTestKit();
  }
}
