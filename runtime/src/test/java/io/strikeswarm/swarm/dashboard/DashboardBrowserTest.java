package io.strikeswarm.swarm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.http.support.LocalChromium;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.paper.PaperOptions;
import io.strikeswarm.swarm.paper.PaperService;
import io.strikeswarm.swarm.paper.Speed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser against the real service: the swarm paper-trading replayed market data in this
 * JVM, the API on a free port, Debian's Chromium driven headless. An operator signs in with the admin token,
 * watches the fifty bots, pauses one, looks into its past with the time-travel slider, and pulls the kill switch;
 * each step is checked on screen and, where it changes the swarm, through the API as well. Screenshots go to
 * target/dashboard-*.png (docs/dashboard.png is a copy of the overview, made by hand).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DashboardBrowserTest {
  private static final String BOT = "long-07";
  private static final int BOTS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path browserProfile;

  private final Path moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String base;
  private String token;
  private DashboardPage page;

  @Test
  void anOperatorWatchesPausesTimeTravelsAndHaltsTheSwarmFromTheBrowser() throws Exception {
    PaperService service = PaperService.start(dataDir, ConfigFactory.parseString("swarm.management.port = 0"), options(),
        SwarmMetrics.NONE, new PrintWriter(new StringWriter()));
    ChromeDriver browser = null;
    try {
      base = "http://127.0.0.1:" + service.address().getPort();
      token = Files.readString(service.tokenFile(), StandardCharsets.UTF_8).trim();
      browser = LocalChromium.start(browserProfile, 1280, 800);
      page = new DashboardPage(browser, moduleDir.resolve("target"));
      page.open(base);
      page.viewport(1280, 800);

      aTokenTheServerDoesNotKnowIsRefusedOnThePrompt();
      theAdminTokenOpensTheOverviewWithAllFiftyBotsLive();
      theOverviewIsPhotographedOnceTheCurvesHaveBars();
      clickingAHeaderSortsTheBotsAsTheApiRanksThem();
      pausingABotFromTheTableShowsPausedThereAndInTheApi();
      theTimeTravelSliderShowsTheBotAsItWasAfterAnEvent();
      theKillSwitchArmsOnlyOnHaltAndThenHaltsEveryBot();
      signingOutForgetsTheToken();
      aTokenTheServerStopsAcceptingSendsTheTabBackToThePrompt();
    } finally {
      if (browser != null) browser.quit();
      service.close();
    }
  }

  private void aTokenTheServerDoesNotKnowIsRefusedOnThePrompt() {
    page.signIn("not-a-token");
    assertThat(page.text("sign-in-error")).contains("Token rejected");
    assertThat(page.sessionToken()).isNull();
  }

  private void theAdminTokenOpensTheOverviewWithAllFiftyBotsLive() {
    page.signIn(token);
    assertThat(page.awaitBotRows(BOTS)).hasSize(BOTS).contains(BOT, "short-25");
    page.awaitText("conn-status", "Live");
    assertThat(page.sessionToken()).isEqualTo(token);
    assertThat(page.currentUrl()).doesNotContain(token);
    assertThat(page.botState(BOT)).isEqualTo("ACTIVE");
  }

  private void theOverviewIsPhotographedOnceTheCurvesHaveBars() throws Exception {
    awaitSwarm(s -> s.path("feed").path("barTimesDone").asLong() >= 60);
    page.awaitText("swarm-trading-state", "ACTIVE");
    page.screenshot("overview");
  }

  private void clickingAHeaderSortsTheBotsAsTheApiRanksThem() {
    page.click("sort-pnl");
    page.await("the first row should be the API's best bot by P&L", () -> page.botRowIds().get(0)
        .equals(get("/api/bots?sort=pnl&order=desc&limit=1").path("items").path(0).path("id").asText()));
    page.click("sort-id");
    page.await("the rows should be in id order", () -> page.botRowIds().get(0).equals("long-01"));
  }

  private void pausingABotFromTheTableShowsPausedThereAndInTheApi() {
    page.click("pause-" + BOT);
    page.awaitText("bot-state-" + BOT, "PAUSED");
    assertThat(get("/api/bots/" + BOT).path("summary").path("state").asText()).isEqualTo("PAUSED");
    page.click("state-filter-paused");
    assertThat(page.awaitBotRows(1)).containsExactly(BOT);
    page.screenshot("paused");
    page.click("state-filter-all");
  }

  /** Event 2 of every bot's journal allocates its capital: 7,600.00 of equity and nothing traded yet. */
  private void theTimeTravelSliderShowsTheBotAsItWasAfterAnEvent() {
    page.click("bot-link-" + BOT);
    page.awaitText("bot-page-id", BOT);
    page.awaitText("bot-page-state", "PAUSED");
    page.slideToEvent(1);
    page.awaitText("time-travel-seq", "name event 2", text -> text.startsWith("event 2 of "));
    page.awaitText("bot-event-count", "2");
    assertThat(page.visible("time-travel-banner").getText()).contains("after event 2 (CapitalAllocated)");
    page.awaitText("bot-equity", "7,600.00");
    page.awaitText("bot-trades", "0");
    page.screenshot("bot-time-travel");
    page.click("time-travel-live");
    assertThat(page.isShown("time-travel-banner")).isFalse();
  }

  private void theKillSwitchArmsOnlyOnHaltAndThenHaltsEveryBot() {
    page.click("back-to-overview");
    page.awaitBotRows(BOTS);
    page.click("kill-switch");
    page.type("kill-reason", "browser test: drill");
    page.type("kill-confirm-text", "halt");
    assertThat(page.visible("kill-submit").isEnabled()).as("lower-case halt does not arm the switch").isFalse();
    page.type("kill-confirm-text", "HALT");
    page.screenshot("kill-switch");
    page.click("kill-submit");

    page.awaitText("trading-state", "HALTED");
    page.awaitText("swarm-trading-state", "HALTED");
    assertThat(page.text("swarm-trading-reason")).contains("browser test: drill");
    assertThat(get("/api/swarm").path("tradingState").asText()).isEqualTo("HALTED");
    page.await("every bot row should read HALTED",
        () -> page.count("[data-testid^='bot-row-'][data-state='HALTED']") == BOTS);
    page.await("the equity curve should shade the time the swarm is halted",
        () -> page.count("#app .chart rect.band-HALTED") > 0);
    page.screenshot("halted");
  }

  private void signingOutForgetsTheToken() {
    page.click("sign-out");
    page.visible("token-input");
    assertThat(page.sessionToken()).isNull();
  }

  /** Simulated by replacing the stored token behind the page's back: the next request is answered 401. */
  private void aTokenTheServerStopsAcceptingSendsTheTabBackToThePrompt() {
    page.signIn(token);
    page.awaitBotRows(BOTS);
    page.replaceSessionToken("revoked-token");
    page.click("bot-link-short-25");
    assertThat(page.text("sign-in-error")).startsWith("Signed out: invalid token");
    assertThat(page.sessionToken()).isNull();
  }

  private static PaperOptions options() {
    // 3000x: a five-minute bar every 0.1 s, so the curves fill within seconds while the test stays short.
    return new PaperOptions(BacktestOptions.DEFAULT_DATA, Optional.empty(), Optional.empty(), false,
        Speed.parse("3000x"), Optional.of("127.0.0.1"), Optional.of(0));
  }

  private JsonNode get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + path, e);
    }
  }

  private void awaitSwarm(Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode swarm = get("/api/swarm");
    while (!condition.test(swarm)) {
      assertThat(System.nanoTime()).as("the swarm should get there within 30 s: %s", swarm.path("feed"))
          .isLessThan(deadline);
      Thread.sleep(200);
      swarm = get("/api/swarm");
    }
  }
}
