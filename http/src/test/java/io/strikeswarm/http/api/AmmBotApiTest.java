package io.strikeswarm.http.api;

import static io.strikeswarm.http.support.AmmScenario.hash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strikeswarm.http.support.AmmScenario;
import io.strikeswarm.http.support.ApiTestServer;
import io.strikeswarm.http.support.ApiTestServer.Reply;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API on AMM bots, against their journals in H2: an AMM bot's events and its past states come from its own
 * journal ({@code amm-bot|amm-07}), its settled round trips are listed apart from directional trades, and its row
 * in the bot table speaks of round trips and swaps, never of wins and losses.
 */
@DisplayName("The API on AMM bots")
class AmmBotApiTest {
  @TempDir static Path dataDir;
  static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static JsonNode ok(String path) {
    Reply reply = api.get(path);
    assertThat(reply.status()).as(path + " answered " + reply.body()).isEqualTo(200);
    return reply.body();
  }

  static JsonNode event(JsonNode page, long seq) {
    for (JsonNode item : page.get("items")) if (item.get("seq").asLong() == seq) return item;
    throw new AssertionError("no event " + seq + " in " + page);
  }

  @Nested
  @DisplayName("events")
  class Events {
    @Test
    void anAmmBotsEventsAreReadFromItsOwnJournalInOrder() {
      JsonNode page = ok("/api/bots/amm-07/events?limit=500");
      List<String> types = new ArrayList<>();
      page.get("items").forEach(i -> types.add(i.get("type").asText()));
      assertThat(types).isEqualTo(AmmScenario.events().stream().map(e -> e.getClass().getSimpleName()).toList());
      assertThat(page.get("botId").asText()).isEqualTo("amm-07");
      assertThat(page.get("next").isNull()).isTrue();
      assertThat(event(page, 1).get("persistedAtMs").asLong()).isPositive();
    }

    @Test
    void aSignedSwapShowsItsLegNonceHashAmountsAndThePlanItCameFrom() {
      JsonNode buy = event(ok("/api/bots/amm-07/events?limit=500"), 4).get("event");
      assertThat(buy.get("leg").asText()).isEqualTo("buy");
      assertThat(buy.get("arbId").asLong()).isEqualTo(1);
      assertThat(buy.get("nonce").asLong()).isEqualTo(7);
      assertThat(buy.get("txHash").asText()).isEqualTo(hash(7));
      assertThat(buy.get("dex").asText()).isEqualTo("uniswap");
      assertThat(buy.get("tokenIn").asText()).isEqualTo("USDC");
      assertThat(buy.get("tokenOut").asText()).isEqualTo("WETH");
      // token amounts are strings: an 18-decimal amount is beyond what a JavaScript number holds exactly
      assertThat(buy.get("amountIn").isTextual()).isTrue();
      assertThat(buy.get("amountIn").asText()).isEqualTo("1000000000");
      assertThat(buy.get("amountOutMin").asText()).isEqualTo("500000000000000000");
      assertThat(buy.at("/plan/expectedProfit").asText()).isEqualTo("12000000");
      assertThat(buy.at("/plan/expectedProfitUsd").asText()).isEqualTo("12");
      assertThat(buy.at("/plan/sellDex").asText()).isEqualTo("sushiswap");
      assertThat(buy.has("raw")).as("the signed bytes are for the node").isFalse();
    }

    @Test
    void aReceiptShowsTheSwapItSettledWhatMovedAndTheGas() {
      JsonNode sell = event(ok("/api/bots/amm-07/events?limit=500"), 7).get("event");
      assertThat(sell.get("leg").asText()).isEqualTo("sell");
      assertThat(sell.get("txHash").asText()).isEqualTo(hash(8));
      assertThat(sell.get("dex").asText()).isEqualTo("sushiswap");
      assertThat(sell.get("tokenIn").asText()).isEqualTo("WETH");
      assertThat(sell.get("amountIn").asText()).isEqualTo("500000000000000000");
      assertThat(sell.get("tokenOut").asText()).isEqualTo("USDC");
      assertThat(sell.get("amountOut").asText()).isEqualTo("1012000000");
      assertThat(sell.get("block").asLong()).isEqualTo(102);
      assertThat(sell.get("gasUsed").asText()).isEqualTo("110000");
      assertThat(sell.get("gasCostWei").asText()).isEqualTo("220000000000000");
    }

    @Test
    void aRevertedOrRefusedSwapSaysWhyAndMovedNoToken() {
      JsonNode page = ok("/api/bots/amm-07/events?limit=500");
      JsonNode reverted = event(page, 11).get("event");
      assertThat(reverted.get("reason").asText()).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
      assertThat(reverted.get("gasCostWei").asText()).isEqualTo("80000000000000");
      assertThat(reverted.get("txHash").asText()).isEqualTo(hash(10));
      assertThat(reverted.has("amountIn")).isFalse();
      JsonNode refused = event(page, 15).get("event");
      assertThat(refused.get("reason").asText()).isEqualTo("insufficient funds for gas * price + value");
      assertThat(refused.get("nonce").asLong()).isEqualTo(12);
      assertThat(refused.get("leg").asText()).isEqualTo("buy");
      assertThat(refused.has("gasCostWei")).isFalse();
    }

    @Test
    void aLaterPageStillShowsEachReceiptWithTheSwapItSettled() {
      JsonNode page = ok("/api/bots/amm-07/events?from=13&limit=2");
      assertThat(page.get("items")).hasSize(2);
      JsonNode unwind = event(page, 13).get("event");
      assertThat(unwind.get("leg").asText()).isEqualTo("unwind");
      assertThat(unwind.get("dex").asText()).isEqualTo("uniswap");
      assertThat(unwind.get("tokenIn").asText()).isEqualTo("WETH");
      assertThat(unwind.get("amountOut").asText()).isEqualTo("996000000");
      assertThat(page.get("next").asLong()).isEqualTo(15);
    }

    @Test
    void aDirectionalBotsEventsStillComeFromItsJournal() {
      JsonNode page = ok("/api/bots/long-01/events");
      assertThat(page.get("items")).extracting(i -> i.get("type").asText())
          .containsExactly("BotConfigured", "CapitalAllocated");
    }
  }

  @Nested
  @DisplayName("time travel")
  class TimeTravel {
    @Test
    void anAmmBotIsReplayedThroughTheEntitysHandlerToTheAskedEvent() {
      JsonNode at = ok("/api/bots/amm-07/state-at?seq=6");
      assertThat(at.get("seq").asLong()).isEqualTo(6);
      JsonNode state = at.get("state");
      assertThat(state.at("/summary/diamond").asText()).isEqualTo("amm");
      assertThat(state.at("/amm/inFlight/leg").asText()).isEqualTo("sell");
      assertThat(state.at("/amm/inFlight/nonce").asLong()).isEqualTo(8);
      assertThat(state.at("/amm/inFlight/txHash").asText()).isEqualTo(hash(8));
      assertThat(token(state, "WETH").get("book").asText()).isEqualTo("500000000000000000");
      assertThat(token(state, "USDC").get("change").asText()).isEqualTo("-1000000000");
      assertThat(state.at("/summary/amm/roundTripsStarted").asLong()).isEqualTo(1);
      assertThat(state.at("/summary/amm/roundTripsCompleted").asLong()).isZero();
      assertThat(state.at("/amm/nextNonce").asLong()).isEqualTo(9);
      assertThat(state.has("books")).as("an AMM bot has no directional books").isFalse();
    }

    @Test
    void aPastStateHasNoUsdValueSinceThePoolsOfPastBlocksAreNotInTheJournal() {
      JsonNode state = ok("/api/bots/amm-07/state-at?seq=19").get("state");
      assertThat(state.at("/amm/pnlUsd").isNull()).isTrue();
      assertThat(state.at("/summary/pnl").isNull()).isTrue();
      assertThat(state.at("/summary/amm/pnlUsd").isNull()).isTrue();
    }

    @Test
    void atItsLastEventAnAmmBotIsAsItsLiveViewShowsIt() {
      JsonNode past = ok("/api/bots/amm-07/state-at?seq=19").get("state");
      JsonNode live = ok("/api/bots/amm-07");
      assertThat(past.at("/amm/tokens")).isEqualTo(live.at("/amm/tokens"));
      assertThat(past.at("/summary/amm/swapsReverted")).isEqualTo(live.at("/summary/amm/swapsReverted"));
      assertThat(past.at("/summary/state").asText()).isEqualTo("PAUSED");
      assertThat(live.at("/amm/pnlUsd").asText()).isEqualTo("6.08");
    }

    @Test
    void aDirectionalBotIsStillReplayedAsADirectionalBot() {
      JsonNode state = ok("/api/bots/long-01/state-at?seq=2").get("state");
      assertThat(new BigDecimal(state.at("/books/allocated").asText())).isEqualByComparingTo("1000");
      assertThat(state.has("amm")).isFalse();
    }
  }

  static JsonNode token(JsonNode state, String token) {
    for (JsonNode t : state.at("/amm/tokens")) if (t.get("token").asText().equals(token)) return t;
    throw new AssertionError("no token " + token + " in " + state);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("bad input is refused with a clear 4xx")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "/api/bots/amm-07/state-at?seq=20 | 400 | seq: the journal of amm-07 ends at 19, got 20",
      "/api/bots/amm-07/state-at | 400 | seq: is required",
      "/api/bots/amm-07/state-at?seq=-1 | 400 | seq: must be in",
      "/api/bots/amm-07/state-at?seq=x | 400 | seq: must be an integer",
      "/api/bots/amm-07/events?from=0 | 400 | from: must be in",
      "/api/bots/amm-99/events | 404 | unknown bot 'amm-99'",
      "/api/bots/amm-99/state-at?seq=1 | 404 | unknown bot 'amm-99'",
      "/api/amm/round-trips?bot=long-01 | 400 | bot: long-01 is not an AMM bot",
      "/api/amm/round-trips?bot=amm-99 | 404 | unknown bot 'amm-99'",
      "/api/amm/round-trips?from=yesterday | 400 | from: must be epoch milliseconds",
      "/api/amm/round-trips?limit=0 | 400 | limit: must be in",
      "/api/trades?bot=amm-07 | 400 | its settled round trips are at /api/amm/round-trips",
      "/api/orders?bot=amm-07 | 400 | it places no orders",
  })
  void badInputIsRefusedWithAClearError(String path, int status, String message) {
    Reply reply = api.get(path);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().at("/error/message").asText()).contains(message);
  }

  @Nested
  @DisplayName("the bot table")
  class BotTable {
    @Test
    void anAmmBotsRowCountsRoundTripsAndSwapsAndHasNoWinsLossesOrDrawdown() {
      JsonNode row = row("amm-07");
      assertThat(row.get("trades").asLong()).as("completed round trips").isEqualTo(1);
      assertThat(row.get("wins").isNull()).isTrue();
      assertThat(row.get("losses").isNull()).isTrue();
      assertThat(row.get("maxDrawdown").isNull()).isTrue();
      JsonNode amm = row.get("amm");
      assertThat(amm.get("roundTripsStarted").asLong()).isEqualTo(4);
      assertThat(amm.get("roundTripsCompleted").asLong()).isEqualTo(1);
      assertThat(amm.get("exactAsPredicted").asLong()).isEqualTo(1);
      assertThat(amm.get("swapsReverted").asLong()).isEqualTo(2);
      assertThat(amm.get("swapsRefused").asLong()).isEqualTo(1);
      assertThat(amm.get("gasSpentWei").asText()).isEqualTo("960000000000000");
      assertThat(amm.get("pnlUsd").asText()).isEqualTo("6.08");
      assertThat(amm.get("swapInFlight").isNull()).isTrue();
      assertThat(amm.get("legToSellBack").asBoolean()).isFalse();
      assertThat(new BigDecimal(row.get("pnl").asText())).isEqualByComparingTo("6.08");
    }

    @Test
    void anAmmBotThatHasNotValuedItsTokensHasNoPnlRatherThanZero() {
      JsonNode row = row(ApiTestServer.UNVALUED_AMM_BOT);
      assertThat(row.get("pnl").isNull()).isTrue();
      assertThat(row.get("returnOnCapital").isNull()).isTrue();
      assertThat(row.at("/amm/pnlUsd").isNull()).isTrue();
    }

    @Test
    void aDirectionalBotsRowIsUnchanged() {
      JsonNode row = row(ApiTestServer.LONG_BOT);
      assertThat(row.get("amm").isNull()).isTrue();
      assertThat(row.get("wins").asLong()).isZero();
      assertThat(row.get("maxDrawdown").isTextual()).isTrue();
    }

    @Test
    void sortingByAFigureSomeBotsLackPutsThemFirstAscendingAndLastDescending() {
      assertThat(ids("/api/bots?sort=pnl&order=asc")).first().isEqualTo(ApiTestServer.UNVALUED_AMM_BOT);
      assertThat(ids("/api/bots?sort=pnl&order=desc")).last().isEqualTo(ApiTestServer.UNVALUED_AMM_BOT);
      assertThat(ids("/api/bots?sort=drawdown&order=desc")).first().isEqualTo(ApiTestServer.LONG_BOT);
    }

    @Test
    void anAmmBotsPageShowsItsOwnViewInsteadOfDirectionalBooks() {
      JsonNode detail = ok("/api/bots/amm-07");
      assertThat(detail.at("/amm/chain").asText()).isEqualTo("anvil");
      assertThat(detail.at("/amm/routes/0/dexes")).hasSize(2);
      assertThat(detail.at("/amm/valuedAtBlock").asLong()).isEqualTo(120);
      assertThat(token(detail, "ETH").get("change").asText()).isEqualTo("-960000000000000");
      assertThat(token(detail, "ETH").get("decimals").asInt()).isEqualTo(18);
      assertThat(detail.has("books")).isFalse();
      assertThat(detail.has("stats")).isFalse();
      assertThat(detail.get("eventCount").asLong()).isEqualTo(AmmScenario.events().size());
    }

    JsonNode row(String id) {
      for (JsonNode r : ok("/api/bots").get("items")) if (r.get("id").asText().equals(id)) return r;
      throw new AssertionError("no row for " + id);
    }

    List<String> ids(String path) {
      List<String> ids = new ArrayList<>();
      ok(path).get("items").forEach(r -> ids.add(r.get("id").asText()));
      return ids;
    }
  }

  @Nested
  @DisplayName("settled round trips")
  class RoundTrips {
    JsonNode all() {
      Reply reply = api.getUntil("/api/amm/round-trips", r -> r.status() == 200 && r.body().get("total").asLong() == 3);
      assertThat(reply.body().get("total").asLong()).as(reply.body().toString()).isEqualTo(3);
      return reply.body();
    }

    @Test
    void everySettledRoundTripIsListedNewestFirstWithItsOutcome() {
      JsonNode items = all().get("items");
      assertThat(items).extracting(i -> i.get("arbId").asLong()).containsExactly(4L, 2L, 1L);
      assertThat(items).extracting(i -> i.get("outcome").asText())
          .containsExactly("buy-reverted", "unwound", "completed");
      JsonNode completed = items.get(2);
      assertThat(completed.get("botId").asText()).isEqualTo(AmmScenario.BOT);
      assertThat(completed.get("buyDex").asText()).isEqualTo("uniswap");
      assertThat(completed.get("sellDex").asText()).isEqualTo("sushiswap");
      assertThat(completed.get("spent").asText()).isEqualTo("1000000000");
      assertThat(completed.get("received").asText()).isEqualTo("1012000000");
      assertThat(completed.get("profit").asText()).isEqualTo("12000000");
      assertThat(completed.get("gasWei").asText()).isEqualTo("420000000000000");
      assertThat(completed.get("netUsd").asText()).isEqualTo("11.16");
      assertThat(completed.get("legs")).hasSize(2);
      assertThat(completed.get("seq").asLong()).isEqualTo(AmmScenario.COMPLETED_SEQ);
    }

    @Test
    void theTotalsAreWhatTheRoundTripsChangedInTheBooksGasIncluded() {
      JsonNode totals = all().get("totals");
      assertThat(totals.at("/tokenChange/USDC").asText()).isEqualTo("8000000");
      assertThat(totals.at("/tokenChange/WETH").asText()).isEqualTo("0");
      assertThat(totals.at("/tokenChange/ETH").asText()).isEqualTo("-960000000000000");
      assertThat(totals.get("gasWei").asText()).isEqualTo("960000000000000");
      assertThat(totals.get("netUsd").asText()).isEqualTo("6.08");
      assertThat(totals.get("unvalued").asLong()).isZero();
    }

    @Test
    void theyFilterByBotAndPageWhileTheTotalsCoverEveryMatch() {
      all();
      JsonNode page = ok("/api/amm/round-trips?bot=amm-07&limit=1&offset=1");
      assertThat(page.get("total").asLong()).isEqualTo(3);
      assertThat(page.get("items")).extracting(i -> i.get("arbId").asLong()).containsExactly(2L);
      assertThat(page.at("/totals/netUsd").asText()).isEqualTo("6.08");
      assertThat(ok("/api/amm/round-trips?bot=" + ApiTestServer.UNVALUED_AMM_BOT).get("total").asLong()).isZero();
      assertThat(ok("/api/amm/round-trips?from=" + (System.currentTimeMillis() + 60_000)).get("total").asLong())
          .isZero();
    }

    @Test
    void theyAreNotDirectionalTrades() {
      all();
      assertThat(ok("/api/trades").get("total").asLong()).isZero();
      assertThat(ok("/api/trades?bot=long-01").get("total").asLong()).isZero();
    }
  }
}
