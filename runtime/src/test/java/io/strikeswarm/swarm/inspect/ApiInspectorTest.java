package io.strikeswarm.swarm.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbPlan;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.http.json.ApiJson;
import io.strikeswarm.http.view.Presenter;
import io.strikeswarm.master.amm.AmmRoster;
import io.strikeswarm.master.capital.DiamondKind;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code swarm inspect bot} prints what the API answers; an AMM bot in its own terms. */
class ApiInspectorTest {
  static final String ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  static final ArbRoute ROUTE = new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"));

  /** An AMM bot that has started its first round trip: the buy leg is signed with nonce 7. */
  static AmmBotView ammBotBuying() {
    AmmBotConfig config = new AmmBotConfig("anvil", ACCOUNT, List.of(ROUTE), Map.of("USDC", 6, "WETH", 18), "USDC",
        "WETH", "uniswap", ArbRules.DEFAULT);
    BigInteger usdc = BigInteger.TEN.pow(6);
    ArbPlan plan = new ArbPlan(100, ROUTE, "uniswap", "sushiswap", usdc.multiply(BigInteger.valueOf(1_000)),
        BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(5)), usdc.multiply(BigInteger.valueOf(1_012)),
        BigDecimal.TEN, BigInteger.ONE, BigDecimal.ONE, BigInteger.ONE, BigInteger.TWO, 1_700_000_120L);
    AmmBotState state = AmmBotState.empty("amm-07")
        .apply(new AmmBotEntity.AmmBotConfigured(config))
        .apply(new AmmBotEntity.BudgetAllocated(1, new BigDecimal("1000")))
        .apply(new AmmBotEntity.AccountSynced(99, 7, Map.of("USDC", usdc.multiply(BigInteger.valueOf(5_000)),
            "WETH", BigInteger.ZERO, ChainPort.NATIVE, BigInteger.TEN.pow(18))))
        .apply(new AmmBotEntity.SwapSigned(new InFlightSwap(1, InFlightSwap.Leg.BUY, plan, plan.buyLeg(),
            new SignedTx("0xabc", "0xraw", ACCOUNT, 7, BigInteger.valueOf(250_000)))));
    return AmmBotView.of(state, null, null, 4);
  }

  @Test
  void anAmmBotIsPrintedWithItsRoundTripsTokensAndSwapInFlightNotWinsAndLosses() throws IOException {
    byte[] body = ApiJson.write(Presenter.botDetail(DiamondKind.AMM, AmmRoster.asBotView(ammBotBuying()), 0));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/bots/amm-07", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String text = new ApiInspector(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t")
          .bot("amm-07", false, null);
      assertThat(text).contains("amm-07  ACTIVE", "chain anvil", "routes    USDC/WETH on uniswap+sushiswap",
          "budget    1,000.00 USD   P&L - USD   (not valued: no block seen)",
          "round trips  started 1   completed 0 (0 exactly as predicted)   swaps reverted 0, refused 0",
          "in flight buy leg, nonce 7, tx 0xabc", "token     USDC     baseline 5000000000   book 5000000000",
          "journal   4 events");
      assertThat(text).doesNotContain("won", "lost", "drawdown");
    } finally {
      server.stop(0);
    }
  }
}
