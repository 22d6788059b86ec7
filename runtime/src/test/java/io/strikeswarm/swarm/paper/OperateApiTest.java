package io.strikeswarm.swarm.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operated swarm through its HTTP API, end to end: a real service paper-trading the built-in data, real tokens,
 * real requests on loopback. Each test is one promise of docs/api.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperateApiTest {
  @TempDir static Path dir;
  ServiceFixture swarm;

  @BeforeAll
  void start() {
    swarm = new ServiceFixture(dir, Speed.parse("120x"),
        "swarm.http.auth.rate-limit { per-second = 100, burst = 200 }");
  }

  @AfterAll
  void stop() {
    if (swarm != null) swarm.close();
  }

  @Test
  @Order(1)
  void healthAndReadinessNeedNoTokenWhileEverythingElseDoes() {
    assertThat(swarm.anonymous.get("/api/health").json().get("status").asText()).isEqualTo("up");
    eventually(() -> swarm.anonymous.get("/api/ready").status() == 200);
    ApiClient.Reply refused = swarm.anonymous.get("/api/swarm");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("unauthorized");
    assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    ApiClient.Reply forged = new ApiClient(swarm.viewer.base, "ssw_not-a-real-token").get("/api/swarm");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body()).doesNotContain("ssw_not-a-real-token");
    assertThat(swarm.anonymous.get("/api/openapi.json").json().get("openapi").asText()).startsWith("3.");
  }

  @Test
  @Order(2)
  void theSwarmReadShowsTheDefaultPlanWithBalancedBooks() {
    JsonNode s = swarm.viewer.get("/api/swarm").json();
    assertThat(s.at("/capital/total").asText()).isEqualTo("800000.00000000");
    assertThat(s.at("/capital/reserve").asText()).isEqualTo("40000.00000000");
    assertThat(s.at("/bots/total").asInt()).isEqualTo(50);
    assertThat(s.get("booksBalance").asBoolean()).isTrue();
    assertThat(s.get("tradingState").asText()).isEqualTo("ACTIVE");
    assertThat(s.at("/limits/maxDrawdown").asText()).isEqualTo("0.1");
    assertThat(s.at("/feed/mode").asText()).isEqualTo("paper");
    JsonNode diamonds = swarm.viewer.get("/api/diamonds").json().get("items");
    assertThat(diamonds).hasSize(3);
    assertThat(diamonds.get(0).get("name").asText()).isEqualTo("long-strike");
    assertThat(diamonds.get(0).get("funding").asText()).isEqualTo("190000.00000000");
  }

  @Test
  @Order(3)
  void theBotListFiltersSortsAndPages() {
    JsonNode shorts = swarm.viewer.get("/api/bots?diamond=short-strike&limit=500").json();
    assertThat(shorts.get("total").asInt()).isEqualTo(25);
    assertThat(shorts.get("items")).allSatisfy(b -> assertThat(b.get("diamond").asText()).isEqualTo("short-strike"));
    JsonNode byPnl = swarm.viewer.get("/api/bots?sort=pnl&order=desc&limit=50").json().get("items");
    List<java.math.BigDecimal> pnl = new ArrayList<>();
    byPnl.forEach(b -> pnl.add(new java.math.BigDecimal(b.get("pnl").asText())));
    assertThat(pnl).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    JsonNode page = swarm.viewer.get("/api/bots?offset=10&limit=5").json();
    assertThat(page.get("items")).hasSize(5);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("long-11");
  }

  @Test
  @Order(4)
  void anUnknownBotIsNotFoundAndNoEntityIsCreatedForIt() {
    assertThat(swarm.viewer.get("/api/bots/long-99").status()).isEqualTo(404);
    assertThat(swarm.viewer.get("/api/bots/long-99/events").status()).isEqualTo(404);
    assertThat(swarm.operator.post("/api/bots/long-99/pause", null).status()).isEqualTo(404);
    assertThat(swarm.viewer.get("/api/bots/%E2%80%AE%00x").status()).isEqualTo(404);
    assertThat(swarm.viewer.get("/api/swarm").json().at("/bots/total").asInt()).isEqualTo(50);
  }

  @Test
  @Order(5)
  void eachChangeNeedsItsRole() {
    ApiClient.Reply viewerPause = swarm.viewer.post("/api/bots/long-02/pause", null);
    assertThat(viewerPause.status()).isEqualTo(403);
    assertThat(viewerPause.json().at("/error/message").asText()).contains("operator");
    assertThat(swarm.operator.post("/api/kill-switch", "{}").status()).isEqualTo(403);
    assertThat(swarm.operator.put("/api/master/allocation", "{\"reserve\":\"0.05\"}").status()).isEqualTo(403);
    assertThat(swarm.operator.get("/api/audit").status()).isEqualTo(403);
    assertThat(botState("long-02")).isEqualTo("ACTIVE");
  }

  @Test
  @Order(6)
  void pauseAndResumeChangeTheBotAndAreAuditedWithWhoAndOutcome() {
    assertThat(swarm.operator.post("/api/bots/long-03/pause", null).status()).isEqualTo(200);
    assertThat(botState("long-03")).isEqualTo("PAUSED");
    assertThat(swarm.operator.post("/api/bots/long-03/resume", null).status()).isEqualTo(200);
    assertThat(botState("long-03")).isEqualTo("ACTIVE");

    JsonNode audit = swarm.admin.get("/api/audit?limit=10").json().get("items");
    assertThat(audit.get(0).get("action").asText()).isEqualTo("resume");
    assertThat(audit.get(0).get("principal").asText()).isEqualTo("test-operator");
    assertThat(audit.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(audit.get(1).get("action").asText()).isEqualTo("pause");
    assertThat(audit.findValuesAsText("outcome")).isNotEmpty();
    // the refused viewer pause of the previous test is there too, with its outcome
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.get("principal").asText()).isEqualTo("test-viewer");
      assertThat(e.get("status").asInt()).isEqualTo(403);
    });
    assertThat(swarm.admin.get("/api/audit").body()).doesNotContain("ssw_");
  }

  @Test
  @Order(7)
  void theJournalAndTheStateAtAnyEventAgreeWithTheBot() {
    JsonNode fresh = swarm.viewer.get("/api/bots/short-01?fresh=true").json();
    long n = fresh.get("eventCount").asLong();
    JsonNode replayed = swarm.viewer.get("/api/bots/short-01/state-at?seq=" + n).json().get("state");
    assertThat(replayed.get("books")).isEqualTo(fresh.get("books"));
    assertThat(replayed.get("positions")).isEqualTo(fresh.get("positions"));

    JsonNode events = swarm.viewer.get("/api/bots/short-01/events?from=1&limit=3").json();
    assertThat(events.get("items")).hasSize(3);
    assertThat(events.at("/items/0/seq").asLong()).isEqualTo(1);
    assertThat(events.at("/items/0/type").asText()).isEqualTo("BotConfigured");
    assertThat(events.get("next").asLong()).isEqualTo(4);
    JsonNode first = swarm.viewer.get("/api/bots/short-01/state-at?seq=1").json().get("state");
    assertThat(new java.math.BigDecimal(first.at("/books/allocated").asText())).isZero();
    assertThat(first.at("/summary/state").asText()).isEqualTo("ACTIVE");

    ApiClient.Reply beyond = swarm.viewer.get("/api/bots/short-01/state-at?seq=" + (n + 1_000_000));
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.json().at("/error/message").asText()).contains("seq");
  }

  @Test
  @Order(8)
  void badInputIsRefusedNamingTheFieldAndChangesNothing() {
    String before = swarm.viewer.get("/api/swarm").json().get("allocation").toString();
    expect400(swarm.admin.put("/api/master/allocation",
        "{\"weights\":{\"long-strike\":0.3,\"short-strike\":0.3,\"amm\":0.3}}"), "weights");
    expect400(swarm.admin.put("/api/master/allocation", "{\"reserve\":-0.1}"), "reserve");
    expect400(swarm.admin.put("/api/master/allocation", "{\"reserve\":NaN}"), null);
    expect400(swarm.admin.put("/api/master/allocation", "{\"reserve\":\"Infinity\"}"), "reserve");
    expect400(swarm.admin.put("/api/master/allocation", "{\"reserve\":1e400}"), "reserve");
    expect400(swarm.admin.put("/api/master/allocation",
        "{\"weights\":{\"long-strike\":\"x\",\"short-strike\":0.5,\"amm\":0.5}}"), "weights.long-strike");
    expect400(swarm.admin.put("/api/master/allocation", "{\"capital\":1}"), "capital");
    expect400(swarm.admin.put("/api/master/allocation", "[1,2]"), null);
    expect400(swarm.viewer.get("/api/bots?limit=abc"), "limit");
    expect400(swarm.viewer.get("/api/bots?limt=5"), "limt");
    expect400(swarm.viewer.get("/api/trades?from=yesterday"), "from");
    expect400(swarm.operator.put("/api/bots/long-04/parameters", "{\"parameters\":{\"short\":[1]}}"),
        "parameters.short");
    ApiClient.Reply huge = swarm.admin.post("/api/kill-switch", "{\"reason\":\"" + "x".repeat(100_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().at("/error/code").asText()).isEqualTo("too_large");
    assertThat(swarm.viewer.get("/api/swarm").json().get("allocation").toString()).isEqualTo(before);
    assertThat(swarm.viewer.get("/api/swarm").json().get("tradingState").asText()).isEqualTo("ACTIVE");
  }

  @Test
  @Order(8)
  void anOperatorChangesABotsParametersThroughItsSupervisorAndTheStrategyChecksThem() {
    ApiClient.Reply refused = swarm.operator.put("/api/bots/long-01/parameters", "{\"parameters\":{\"short\":\"abc\"}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().at("/error/field").asText()).isEqualTo("parameters.short");
    ApiClient.Reply unknown = swarm.operator.put("/api/bots/long-01/parameters", "{\"parameters\":{\"fast\":\"3\"}}");
    assertThat(unknown.status()).isEqualTo(400);

    ApiClient.Reply changed = swarm.operator.put("/api/bots/long-01/parameters", "{\"parameters\":{\"short\":7}}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    eventually(() -> swarm.viewer.get("/api/bots/long-01?fresh=true").json().at("/config/parameters/short").asText()
        .equals("7"));
    assertThat(swarm.viewer.get("/api/bots/long-01").json().at("/config/parameters/long").asText()).isEqualTo("20");
  }

  @Test
  @Order(9)
  void anAdminMovesCapitalBetweenTheReserveAndTheDiamondsWithTheBooksBalancedThroughout() {
    ApiClient.Reply reply = swarm.admin.put("/api/master/allocation",
        "{\"weights\":{\"long-strike\":\"0.3\",\"short-strike\":\"0.2\",\"amm\":\"0.5\"},\"reserve\":\"0.06\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode result = reply.json();
    assertThat(result.at("/reserveTarget").asText()).startsWith("48000");
    JsonNode s = swarm.viewer.get("/api/swarm").json();
    assertThat(s.at("/allocation/reserveRatio").asText()).isEqualTo("0.06");
    assertThat(s.at("/allocation/weights/long-strike").asText()).isEqualTo("0.3");
    assertThat(s.get("booksBalance").asBoolean()).isTrue();
    java.math.BigDecimal total = new java.math.BigDecimal(s.at("/capital/reserve").asText())
        .add(new java.math.BigDecimal(s.at("/capital/unallocated").asText()))
        .add(new java.math.BigDecimal(s.at("/capital/deployed").asText()));
    assertThat(total).isEqualByComparingTo("800000");
    if (result.get("complete").asBoolean()) {
      assertThat(s.at("/capital/reserve").asText()).isEqualTo("48000.00000000");
    } else {
      assertThat(result.get("shortfalls")).isNotEmpty();
    }
  }

  @Test
  @Order(10)
  void theLiveStreamDeliversSwarmUpdates() throws Exception {
    HttpResponse<Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
        .sendAsync(swarm.viewer.request("/api/stream").build(), HttpResponse.BodyHandlers.ofLines())
        .get(10, TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/event-stream"));
    List<String> seen = new ArrayList<>();
    java.util.concurrent.CompletableFuture<Void> reading = java.util.concurrent.CompletableFuture.runAsync(() ->
        stream.body().takeWhile(line -> seen.stream().noneMatch(l -> l.equals("event:swarm"))).forEach(seen::add));
    reading.get(20, TimeUnit.SECONDS);
    assertThat(seen).contains("event:swarm");
  }

  @Test
  @Order(11)
  void theKillSwitchHaltsAndFlattensEveryBotAndResumeBringsThemBack() {
    ApiClient.Reply kill = swarm.admin.post("/api/kill-switch", "{\"reason\":\"drill\"}");
    assertThat(kill.status()).isEqualTo(200);
    eventually(() -> swarm.viewer.get("/api/bots?state=halted").json().get("total").asInt() == 50);
    JsonNode s = swarm.viewer.get("/api/swarm").json();
    assertThat(s.get("tradingState").asText()).isEqualTo("HALTED");
    assertThat(s.at("/risk/reason").asText()).contains("drill").contains("test-admin");
    JsonNode bots = swarm.viewer.get("/api/bots?limit=50").json().get("items");
    assertThat(bots).allSatisfy(b -> assertThat(b.get("position").isNull()).isTrue());
    ApiClient.Reply oneBot = swarm.operator.post("/api/bots/long-01/resume", null);
    assertThat(oneBot.status()).as("one bot may not undo the kill switch").isEqualTo(409);
    assertThat(oneBot.json().at("/error/message").asText()).contains("resume the swarm first");

    assertThat(swarm.admin.post("/api/swarm/resume", null).status()).isEqualTo(200);
    eventually(() -> swarm.viewer.get("/api/bots?state=active").json().get("total").asInt() == 50);
    assertThat(swarm.viewer.get("/api/swarm").json().get("tradingState").asText()).isEqualTo("ACTIVE");
    assertThat(swarm.viewer.get("/api/swarm").json().at("/feed/state").asText()).isEqualTo("running");
  }

  @Test
  @Order(12)
  void aTokenBeyondItsRateIsAnswered429WithRetryAfter() {
    ApiClient.Reply limited = null;
    for (int i = 0; i < 1_000 && limited == null; i++) {
      ApiClient.Reply r = swarm.viewer.get("/api/diamonds");
      if (r.status() == 429) limited = r;
    }
    assertThat(limited).isNotNull();
    assertThat(limited.json().at("/error/code").asText()).isEqualTo("rate_limited");
    assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
  }

  private String botState(String id) {
    return swarm.viewer.get("/api/bots/" + id).json().at("/summary/state").asText();
  }

  private static void expect400(ApiClient.Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    JsonNode error = reply.json().get("error");
    assertThat(error.get("code").asText()).isEqualTo("bad_request");
    if (field != null) assertThat(error.get("field").asText()).isEqualTo(field);
  }

  static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 30 s");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
