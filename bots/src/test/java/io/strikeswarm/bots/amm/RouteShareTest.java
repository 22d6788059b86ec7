package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteShareTest {

  @Test
  void everyBlockBelongsToExactlyOneOfTheSharingBots() {
    for (long block = 0; block < 50; block++) {
      int owners = 0;
      for (int slot = 0; slot < 7; slot++) {
        if (new RouteShare(slot, 7).onTurn(block)) owners++;
      }
      assertThat(owners).as("owners of block %d", block).isEqualTo(1);
    }
  }

  @Test
  void aSoleRouteIsAlwaysOnTurn() {
    assertThat(RouteShare.SOLE.onTurn(0)).isTrue();
    assertThat(RouteShare.SOLE.onTurn(12_345_678)).isTrue();
  }

  @Test
  void aSlotOutsideTheShareIsRefused() {
    assertThatThrownBy(() -> new RouteShare(3, 3)).hasMessageContaining("slot must be in [0, 3)");
    assertThatThrownBy(() -> new RouteShare(0, 0)).hasMessageContaining("at least one bot");
  }

  @Test
  void aRouteWithoutAShareIsItsPoolsAlone() {
    // how routes journaled before shares existed come back
    assertThat(new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"), null).share()).isEqualTo(RouteShare.SOLE);
  }
}
