package io.strikeswarm.swarm.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.cex.orders.CexBook;
import io.strikeswarm.cex.orders.CexOrderEntity;
import io.strikeswarm.cex.orders.OrderStatus;
import io.strikeswarm.cex.venue.CexExchanges;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.currency.Currency;

/**
 * `swarm run` with long-strike bots on venue "cex" in paper mode: their orders go through their venue order entities
 * to XChange's engine, where the node's paper market quotes around each replayed close; short-strike bots stay on the
 * simulated venue. Every CEX bot with nothing working ends with its books equal to its paper account.
 */
@Tag("slow")
class PaperCexTradingTest {
  private static final String CEX_LONGS = """
      swarm.diamonds.long-strike.bots = 4
      swarm.diamonds.short-strike.bots = 2
      swarm.cex-spot = ${swarm.costs} { venue = "cex", plan = ${swarm.plans.default} { leverage = 1 } }
      swarm.diamonds.long-strike.templates = [
        ${swarm.cex-spot} { strategy = "sma-cross", parameters { short = 2, long = 5 }, instrument = "BTC-USD" }
        ${swarm.cex-spot} { strategy = "sma-cross", parameters { short = 3, long = 8 }, instrument = "ETH-USD" }
        ${swarm.cex-spot} { strategy = "momentum", parameters { roc = 6, threshold = 0.3, trend = 10 }, instrument = "BTC-USD" }
        ${swarm.cex-spot} { strategy = "sma-cross", parameters { short = 2, long = 4 }, instrument = "ETH-USD" }
      ]
      """;

  @TempDir
  Path dir;

  @Test
  void long_bots_on_the_cex_venue_trade_on_xchanges_engine_and_their_books_equal_their_paper_accounts()
      throws Exception {
    try (ServiceFixture swarm = new ServiceFixture(dir, Speed.parse("1200x"), CEX_LONGS)) {
      OperateApiTest.eventually(() -> swarm.viewer.get("/api/swarm").json().at("/feed/barTimesDone").asLong() >= 80);
      swarm.service.feed().stop(60_000);
      assertThat(swarm.service.feed().status().error()).isNull();
      ActorSystem<?> system = swarm.service.runtime().system();

      List<String> checked = new ArrayList<>();
      int sent = 0;
      for (int i = 1; i <= 4; i++) {
        String botId = String.format("long-%02d", i);
        BotView bot = swarm.service.runtime().bot(botId).<BotView>ask(BotEntity.GetState::new, Duration.ofSeconds(10))
            .toCompletableFuture().get(15, TimeUnit.SECONDS);
        CexBook book = ClusterSharding.get(system).entityRefFor(CexOrderEntity.TYPE_KEY, botId)
            .<CexBook>ask(CexOrderEntity.GetState::new, Duration.ofSeconds(10)).toCompletableFuture()
            .get(15, TimeUnit.SECONDS);
        sent += book.orders().size();
        assertThat(book.orders().values()).as("%s: nothing rejected or unknown", botId)
            .noneMatch(o -> o.status() == OrderStatus.REJECTED || o.status() == OrderStatus.UNKNOWN);
        if (!bot.openOrders().isEmpty()) continue;
        BigDecimal base = paperBalance(botId, bot.config().instrument().split("-")[0]);
        BigDecimal usd = paperBalance(botId, "USD");
        BigDecimal held = bot.positions().stream().map(p -> p.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(held).as("%s position vs its paper account", botId).isEqualByComparingTo(base);
        // Funded with 1,000,000 USD once; the engine reports fees without charging them, the bot books them. The
        // bot keeps money to 10^-8 (each fill's notional rounded once); the engine keeps quantity x price exactly.
        long fills = book.orders().values().stream().mapToLong(o -> o.fills().size()).sum();
        BigDecimal drift = bot.cash().add(bot.feesPaid()).subtract(bot.allocated())
            .subtract(usd.subtract(new BigDecimal("1000000"))).abs();
        assertThat(drift).as("%s cash moves vs its paper account's USD, %d fills", botId, fills)
            .isLessThanOrEqualTo(new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(fills)));
        checked.add(botId);
      }
      assertThat(sent).as("orders the CEX bots sent").isGreaterThan(0);
      assertThat(checked).as("CEX bots with nothing working at the stop").isNotEmpty();
    }
  }

  private static BigDecimal paperBalance(String botId, String currency) throws Exception {
    return CexExchanges.paper("paper-" + botId).getAccountService().getAccountInfo().getWallet()
        .getBalance(Currency.getInstance(currency)).getTotal();
  }
}
