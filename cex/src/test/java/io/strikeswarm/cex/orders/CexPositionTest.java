package io.strikeswarm.cex.orders;

import static io.strikeswarm.cex.venue.OrderSide.BUY;
import static io.strikeswarm.cex.venue.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.cex.venue.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The position accounting: FIFO lots, exact realized P&L, fees per currency. */
class CexPositionTest {
  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  @Test
  void buys_average_their_prices() {
    CexPosition p = CexPosition.flat().apply(BUY, bd("0.3"), bd("30000"), null, null)
        .apply(BUY, bd("0.2"), bd("30100"), null, null);

    assertThat(p.quantity()).isEqualByComparingTo("0.5");
    assertThat(p.averagePrice()).isEqualByComparingTo("30040");
    assertThat(p.realizedPnl()).isEqualByComparingTo("0");
  }

  @Test
  void a_partial_sell_realizes_against_the_oldest_lot_first() {
    CexPosition p = CexPosition.flat().apply(BUY, bd("1"), bd("100"), null, null)
        .apply(BUY, bd("1"), bd("200"), null, null)
        .apply(SELL, bd("1.5"), bd("300"), null, null);

    assertThat(p.realizedPnl()).isEqualByComparingTo("250"); // 1 x (300-100) + 0.5 x (300-200)
    assertThat(p.quantity()).isEqualByComparingTo("0.5");
    assertThat(p.averagePrice()).isEqualByComparingTo("200");
  }

  @Test
  void selling_through_zero_opens_a_short_at_the_fill_price() {
    CexPosition p = CexPosition.flat().apply(BUY, bd("1"), bd("100"), null, null)
        .apply(SELL, bd("3"), bd("90"), null, null);

    assertThat(p.quantity()).isEqualByComparingTo("-2");
    assertThat(p.averagePrice()).isEqualByComparingTo("90");
    assertThat(p.realizedPnl()).isEqualByComparingTo("-10");
    assertThat(p.unrealizedPnl(bd("80"))).isEqualByComparingTo("20");
    assertThat(p.apply(BUY, bd("2"), bd("80"), null, null).realizedPnl()).isEqualByComparingTo("10");
  }

  @Test
  void fees_are_summed_per_currency_apart_from_pnl() {
    CexPosition p = CexPosition.flat().apply(BUY, bd("1"), bd("100"), bd("0.001"), "BTC")
        .apply(SELL, bd("1"), bd("110"), bd("0.11"), "USD")
        .apply(BUY, bd("1"), bd("100"), bd("0.001"), "BTC");

    assertThat(p.fees()).containsOnlyKeys("BTC", "USD");
    assertThat(p.fees().get("BTC")).isEqualByComparingTo("0.002");
    assertThat(p.realizedPnl()).isEqualByComparingTo("10");
  }

  @Test
  void nonsense_fills_are_refused() {
    assertThatThrownBy(() -> CexPosition.flat().apply(BUY, BigDecimal.ZERO, bd("1"), null, null))
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> CexPosition.flat().apply(BUY, BigDecimal.ONE, bd("-1"), null, null))
        .hasMessageContaining("price");
  }

  record Trade(OrderSide side, BigDecimal quantity, BigDecimal price) {}

  @Provide
  Arbitrary<List<Trade>> trades() {
    Arbitrary<BigDecimal> qty = Arbitraries.bigDecimals().between(bd("0.0001"), bd("5")).ofScale(4);
    Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(bd("1"), bd("100000")).ofScale(2);
    return Combinators.combine(Arbitraries.of(OrderSide.class), qty, price).as(Trade::new).list().ofMaxSize(30);
  }

  @Property
  @Label("once flat again, realized P&L is exactly the cash the trades brought in")
  void flat_means_realized_equals_cash_flow(@ForAll("trades") List<Trade> trades) {
    CexPosition p = CexPosition.flat();
    BigDecimal cash = BigDecimal.ZERO;
    for (Trade t : trades) {
      p = p.apply(t.side(), t.quantity(), t.price(), null, null);
      BigDecimal notional = t.quantity().multiply(t.price());
      cash = t.side() == BUY ? cash.subtract(notional) : cash.add(notional);
    }
    // Close whatever is left at a known price, then the identity must hold to the last digit.
    BigDecimal left = p.quantity();
    BigDecimal close = bd("123.45");
    if (left.signum() != 0) {
      OrderSide side = left.signum() > 0 ? SELL : BUY;
      p = p.apply(side, left.abs(), close, null, null);
      BigDecimal notional = left.abs().multiply(close);
      cash = side == BUY ? cash.subtract(notional) : cash.add(notional);
    }
    assertThat(p.quantity()).isEqualByComparingTo("0");
    assertThat(p.realizedPnl()).isEqualByComparingTo(cash);
  }

  @Property
  @Label("the position's quantity is the signed sum of the fills and P&L + unrealized is mark-to-market")
  void quantity_and_mark_to_market(@ForAll("trades") List<Trade> trades) {
    CexPosition p = CexPosition.flat();
    BigDecimal signed = BigDecimal.ZERO;
    BigDecimal cash = BigDecimal.ZERO;
    for (Trade t : trades) {
      p = p.apply(t.side(), t.quantity(), t.price(), null, null);
      signed = signed.add(t.side() == BUY ? t.quantity() : t.quantity().negate());
      BigDecimal notional = t.quantity().multiply(t.price());
      cash = t.side() == BUY ? cash.subtract(notional) : cash.add(notional);
    }
    BigDecimal mark = bd("777.77");
    assertThat(p.quantity()).isEqualByComparingTo(signed);
    assertThat(p.realizedPnl().add(p.unrealizedPnl(mark))).isEqualByComparingTo(cash.add(signed.multiply(mark)));
  }
}
