package io.strikeswarm.swarm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tax view: FIFO lots per bot and instrument, fees in the basis and out of the proceeds, split exactly. */
class FifoTaxLotsTest {

  @Test
  void a_sale_closes_the_oldest_lots_first_and_each_part_carries_its_share_of_the_fees() {
    List<TaxLine> lines = FifoTaxLots.realized(List.of(
        fill("long-01", 1, "buy", "1", "100", "1", "o1"),
        fill("long-01", 2, "buy", "1", "110", "1.1", "o2"),
        fill("long-01", 3, "sell", "1.5", "120", "1.8", "o3")));

    assertThat(lines).hasSize(2);
    TaxLine first = lines.get(0);
    assertThat(first.openOrderId()).isEqualTo("o1");
    assertThat(first.quantity()).isEqualByComparingTo("1");
    assertThat(first.costBasis()).isEqualByComparingTo("101");
    // 1 of the 1.5 sold: 120 of proceeds less 2/3 of the 1.8 fee
    assertThat(first.proceeds()).isEqualByComparingTo("118.8");
    assertThat(first.gain()).isEqualByComparingTo("17.8");
    TaxLine second = lines.get(1);
    assertThat(second.openOrderId()).isEqualTo("o2");
    assertThat(second.quantity()).isEqualByComparingTo("0.5");
    assertThat(second.costBasis()).isEqualByComparingTo("55.55");
    assertThat(second.proceeds()).isEqualByComparingTo("59.4");
    assertThat(second.direction()).isEqualTo("long");
  }

  @Test
  void a_short_is_realized_when_it_is_bought_back_and_a_fill_through_zero_opens_the_other_way() {
    List<TaxLine> lines = FifoTaxLots.realized(List.of(
        fill("short-01", 1, "sell", "2", "100", "2", "o1"),
        fill("short-01", 2, "buy", "3", "90", "2.7", "o2"),
        fill("short-01", 3, "sell", "1", "95", "0.95", "o3")));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).direction()).isEqualTo("short");
    assertThat(lines.get(0).proceeds()).isEqualByComparingTo("198");   // 200 − 2
    assertThat(lines.get(0).costBasis()).isEqualByComparingTo("181.8"); // 180 + 2/3 of 2.7
    assertThat(lines.get(1).direction()).isEqualTo("long");
    assertThat(lines.get(1).costBasis()).isEqualByComparingTo("90.9");  // 90 + 1/3 of 2.7
    assertThat(lines.get(1).proceeds()).isEqualByComparingTo("94.05");
  }

  @Test
  void bots_and_instruments_keep_their_own_lots() {
    List<TaxLine> lines = FifoTaxLots.realized(List.of(
        fill("long-01", 1, "buy", "1", "100", "0", "a"),
        fill("long-02", 1, "buy", "1", "200", "0", "b"),
        fill("long-02", 2, "sell", "1", "210", "0", "c"),
        fill("long-01", 2, "sell", "1", "90", "0", "d")));

    assertThat(lines).extracting(TaxLine::gain).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("10"), new BigDecimal("-10"));
  }

  @Test
  void the_parts_of_a_position_add_up_to_its_fills_to_the_unit() {
    // Three sales of thirds: every share rounds, the last takes what is left.
    List<TaxLine> lines = FifoTaxLots.realized(List.of(
        fill("long-01", 1, "buy", "3", "100.00000001", "0.00000007", "o1"),
        fill("long-01", 2, "sell", "1", "101", "0.00000001", "o2"),
        fill("long-01", 3, "sell", "1", "101", "0.00000001", "o3"),
        fill("long-01", 4, "sell", "1", "101", "0.00000001", "o4")));

    BigDecimal basis = lines.stream().map(TaxLine::costBasis).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(basis).isEqualByComparingTo("300.0000001"); // 300.00000003 + 0.00000007
    BigDecimal gain = lines.stream().map(TaxLine::gain).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(gain).isEqualByComparingTo("2.99999987");  // 303 − 0.00000003 − 300.0000001
  }

  private static LedgerLine fill(String bot, long seq, String side, String qty, String price, String fee,
      String orderId) {
    return new LedgerLine("bot|" + bot, seq, bot, "paper", orderId, "BTC-USD", side, new BigDecimal(qty),
        new BigDecimal(price), new BigDecimal(fee), seq * 60_000L, "entry", true);
  }
}
