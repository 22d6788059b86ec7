package io.strikeswarm.http.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity.AccountSynced;
import io.strikeswarm.bots.amm.AmmBotEntity.AmmBotConfigured;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native coin is booked under one key on every chain; the API shows it under the chain's own symbol. */
class AmmPresenterNativeCoinTest {
  private static final String ACCOUNT = "0x" + "ab".repeat(20);

  @Test
  void a_bot_on_bsc_shows_its_gas_coin_as_bnb() {
    AmmBotView view = view(new AmmBotConfig("bsc", ACCOUNT,
        List.of(new ArbRoute("USDT", "WBNB", List.of("pancakeswap", "biswap"))), Map.of("USDT", 18, "WBNB", 18),
        "USDT", "WBNB", "pancakeswap", ArbRules.DEFAULT, "BNB"));

    AmmPresenter.Detail detail = AmmPresenter.detail(view);
    assertThat(detail.nativeSymbol()).isEqualTo("BNB");
    assertThat(detail.tokens()).extracting(AmmPresenter.TokenBook::token).contains("BNB").doesNotContain("ETH");
    assertThat(detail.tokens()).filteredOn(t -> t.token().equals("BNB")).singleElement()
        .satisfies(t -> assertThat(t.decimals()).isEqualTo(18));
    assertThat(AmmPresenter.summary(view).nativeSymbol()).isEqualTo("BNB");
  }

  @Test
  void a_bot_configured_before_the_symbol_was_recorded_shows_eth() {
    AmmBotView view = view(new AmmBotConfig("anvil", ACCOUNT,
        List.of(new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"))), Map.of("USDC", 6, "WETH", 18),
        "USDC", "WETH", "uniswap", ArbRules.DEFAULT));

    assertThat(AmmPresenter.detail(view).tokens()).extracting(AmmPresenter.TokenBook::token).contains("ETH");
  }

  private static AmmBotView view(AmmBotConfig config) {
    Map<String, BigInteger> balances = new java.util.TreeMap<>();
    config.tokens().forEach(t -> balances.put(t, BigInteger.TEN));
    balances.put(ChainPort.NATIVE, BigInteger.valueOf(10_000));
    AmmBotState state = AmmBotState.empty("amm-01").apply(new AmmBotConfigured(config))
        .apply(new AccountSynced(99, 7, balances));
    return AmmBotView.of(state, null, null, 2);
  }
}
