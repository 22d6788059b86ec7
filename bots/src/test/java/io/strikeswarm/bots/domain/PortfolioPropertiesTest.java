package io.strikeswarm.bots.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.SoftAssertions;

/**
 * The books of a bot under any sequence of capital transfers, fills and marks a bot can produce: buys never spend
 * more cash than there is, sells (which may open shorts) are sized on what the books can release, and a
 * withdrawal never asks for more than is releasable.
 */
class PortfolioPropertiesTest {

  private static final List<String> INSTRUMENTS = List.of("BTC-USD", "ETH-USD", "DOGE-USD");
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal ONE_UNIT = new BigDecimal("0.00000001");

  // ---- the operations --------------------------------------------------------------------------------------

  sealed interface Op permits Deposit, Withdraw, Trade, Mark {}

  record Deposit(BigDecimal amount) implements Op {}

  /** A share of what is releasable. */
  record Withdraw(BigDecimal share) implements Op {}

  /** A share of the most the books allow on that side, at a price with a fee rate. */
  record Trade(int instrument, OrderAction action, BigDecimal share, BigDecimal price, BigDecimal feeBps)
      implements Op {}

  record Mark(int instrument, BigDecimal price) implements Op {}

  /** Applies one operation as a bot would size it; an operation that sizes to nothing leaves the books alone. */
  static Portfolio apply(Portfolio p, Op op, long timeMs) {
    if (op instanceof Deposit d) return p.deposit(d.amount());
    if (op instanceof Withdraw w) {
      BigDecimal amount = Money.quantity(p.releasable().multiply(w.share()));
      return amount.signum() > 0 ? p.withdraw(amount) : p;
    }
    if (op instanceof Mark m) return p.mark(INSTRUMENTS.get(m.instrument()), m.price());
    Trade t = (Trade) op;
    String instrument = INSTRUMENTS.get(t.instrument());
    BigDecimal costFactor = BigDecimal.ONE.add(t.feeBps().divide(TEN_THOUSAND));
    BigDecimal most;
    if (t.action() == OrderAction.BUY) {
      // All the cash, less a cent for the rounding of the fee.
      BigDecimal spendable = p.cash().subtract(new BigDecimal("0.01"));
      if (spendable.signum() <= 0) return p;
      most = spendable.divide(t.price().multiply(costFactor), Money.SCALE, RoundingMode.DOWN);
    } else {
      // Everything held long, and as much short again as the releasable capital covers.
      Position held = p.positions().get(instrument);
      BigDecimal longQty = held == null ? BigDecimal.ZERO : held.quantity().max(BigDecimal.ZERO);
      most = longQty.add(p.releasable().divide(t.price(), Money.SCALE, RoundingMode.DOWN));
    }
    BigDecimal quantity = Money.quantity(most.multiply(t.share()));
    if (quantity.signum() <= 0) return p;
    BigDecimal fee = Money.bps(quantity.multiply(t.price()), t.feeBps());
    return p.apply(new Fill(instrument, t.action(), quantity, t.price(), fee, timeMs));
  }

  // ---- generators ------------------------------------------------------------------------------------------

  private static Arbitrary<BigDecimal> prices() {
    // 0.01 .. 100,000 with the tick sizes venues quote in: cents for most, more decimals for cheap coins.
    return Arbitraries.integers().between(2, 6).flatMap(scale ->
        Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(scale));
  }

  private static Arbitrary<BigDecimal> shares() {
    return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), BigDecimal.ONE).ofScale(4);
  }

  private static Arbitrary<Op> ops() {
    Arbitrary<Integer> instrument = Arbitraries.integers().between(0, INSTRUMENTS.size() - 1);
    Arbitrary<Op> deposit = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000000"))
        .ofScale(2).map(Deposit::new);
    Arbitrary<Op> withdraw = shares().map(Withdraw::new);
    Arbitrary<Op> trade = Combinators.combine(instrument, Arbitraries.of(OrderAction.class), shares(), prices(),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2)).as(Trade::new);
    Arbitrary<Op> mark = Combinators.combine(instrument, prices()).as(Mark::new);
    return Arbitraries.frequencyOf(
        Tuple.of(2, deposit), Tuple.of(2, withdraw), Tuple.of(5, trade),
        Tuple.of(3, mark));
  }

  @Provide
  Arbitrary<List<Op>> histories() {
    // Every history starts with capital; without it nothing can trade.
    Arbitrary<Op> first = Arbitraries.bigDecimals().between(new BigDecimal("10"), new BigDecimal("1000000"))
        .ofScale(2).map(Deposit::new);
    return Combinators.combine(first, ops().list().ofMaxSize(40)).as((f, rest) -> {
      List<Op> all = new ArrayList<>();
      all.add(f);
      all.addAll(rest);
      return all;
    });
  }

  private static Portfolio run(List<Op> ops) {
    Portfolio p = Portfolio.empty();
    long t = 1_700_000_000_000L;
    for (Op op : ops) p = apply(p, op, t += 60_000);
    return p;
  }

  // ---- properties ------------------------------------------------------------------------------------------

  @Property(tries = 500)
  void theBooksBalanceAfterEveryOperation(@ForAll("histories") List<Op> ops) {
    Portfolio p = Portfolio.empty();
    long t = 1_700_000_000_000L;
    for (Op op : ops) {
      p = apply(p, op, t += 60_000);
      assertThat(p.isBalanced()).as("after %s: %s", op, p).isTrue();
    }
  }

  @Property(tries = 500)
  void equityIsCashPlusEveryPositionAtItsMark(@ForAll("histories") List<Op> ops) {
    Portfolio p = Portfolio.empty();
    long t = 1_700_000_000_000L;
    for (Op op : ops) {
      p = apply(p, op, t += 60_000);
      BigDecimal expected = p.cash();
      for (Position position : p.positions().values()) {
        // An unmarked position counts at its cost basis.
        BigDecimal mark = p.marks().get(position.instrument());
        expected = expected.add(mark == null ? position.costBasis() : position.quantity().multiply(mark));
      }
      // Each position's value is rounded to 8 decimals before it is added: half a unit each at most.
      BigDecimal tolerance = ONE_UNIT.multiply(BigDecimal.valueOf(p.positions().size() + 1));
      assertThat(p.equity().subtract(expected).abs()).as("after %s: %s", op, p).isLessThanOrEqualTo(tolerance);
      assertThat(p.equity().scale()).isEqualTo(Money.SCALE);
    }
  }

  @Property(tries = 500)
  void releasableIsNeverNegativeAndNeverMoreThanTheCash(@ForAll("histories") List<Op> ops) {
    Portfolio p = Portfolio.empty();
    long t = 1_700_000_000_000L;
    for (Op op : ops) {
      p = apply(p, op, t += 60_000);
      assertThat(p.cash().signum()).as("a bot's buys are sized on its cash: %s", p).isGreaterThanOrEqualTo(0);
      assertThat(p.releasable()).as("after %s: %s", op, p)
          .isGreaterThanOrEqualTo(BigDecimal.ZERO)
          .isLessThanOrEqualTo(p.cash());
    }
  }

  @Property(tries = 300)
  void aRoundTripAtTheSamePriceWithoutFeesRealizesExactlyNothing(@ForAll("histories") List<Op> ops,
      @ForAll("roundTripPrices") BigDecimal price, @ForAll("roundTripQuantities") BigDecimal quantity,
      @ForAll OrderAction opening) {
    Portfolio before = run(ops);
    OrderAction closing = opening == OrderAction.BUY ? OrderAction.SELL : OrderAction.BUY;
    String fresh = "SOL-USD"; // no position in it yet, whatever the history
    Portfolio opened = before.apply(new Fill(fresh, opening, quantity, price, BigDecimal.ZERO, 1L));
    Portfolio closed = opened.apply(new Fill(fresh, closing, quantity, price, BigDecimal.ZERO, 2L));

    assertThat(closed.realizedPnl()).isEqualTo(before.realizedPnl());
    assertThat(closed.feesPaid()).isEqualTo(before.feesPaid());
    assertThat(closed.positions()).isEqualTo(before.positions());
    // Cash holds 8 decimals and each leg's notional may have up to 16: one unit of rounding either way.
    assertThat(closed.cash().subtract(before.cash()).abs()).isLessThanOrEqualTo(ONE_UNIT);
  }

  @Property(tries = 300)
  void aRoundTripInAnInstrumentAlreadyHeldAtTheSamePriceWithoutFeesRealizesExactlyNothing(
      @ForAll("histories") List<Op> ops, @ForAll("roundTripQuantities") BigDecimal quantity) {
    Portfolio before = run(ops);
    for (Position held : before.positions().values()) {
      OrderAction adding = held.side().opening();
      OrderAction reducing = held.side().closing();
      BigDecimal price = held.averageEntry();
      Portfolio added = before.apply(new Fill(held.instrument(), adding, quantity, price, BigDecimal.ZERO, 1L));
      Portfolio back = added.apply(new Fill(held.instrument(), reducing, quantity, price, BigDecimal.ZERO, 2L));
      // Average-cost accounting at 8 decimals: the sold lot takes its proportional share of the whole cost basis,
      // rounded once; the two lots' notionals are rounded to 8 decimals too, and the price used here is the average
      // entry rounded to 8 decimals (off the exact cost by half a unit per unit of quantity). So realized P&L and
      // the remaining cost may move by that much — and the books still balance exactly.
      BigDecimal tolerance = ONE_UNIT.multiply(BigDecimal.valueOf(2).add(quantity).add(held.quantity().abs()));
      assertThat(back.realizedPnl().subtract(before.realizedPnl()).abs()).as("round trip in %s", held)
          .isLessThanOrEqualTo(tolerance);
      Position after = back.positions().get(held.instrument());
      assertThat(after.quantity()).isEqualTo(held.quantity());
      assertThat(after.costBasis().subtract(held.costBasis()).abs()).isLessThanOrEqualTo(tolerance);
      assertThat(back.isBalanced()).isTrue();
      assertThat(back.cash().subtract(before.cash()).abs()).as("round trip in %s", held)
          .isLessThanOrEqualTo(ONE_UNIT);
    }
  }

  @Property(tries = 300)
  void aWithdrawalBeyondWhatIsReleasableIsRefusedNamingWhatIsReleasable(@ForAll("histories") List<Op> ops,
      @ForAll("excess") BigDecimal excess) {
    Portfolio p = run(ops);
    BigDecimal tooMuch = p.releasable().add(excess);
    assertThatIllegalArgumentException().isThrownBy(() -> p.withdraw(tooMuch))
        .withMessage("withdrawal " + tooMuch + " exceeds releasable " + p.releasable());
  }

  @Property(tries = 300)
  void everythingReleasableCanBeWithdrawnAndThenNothingMoreIs(@ForAll("histories") List<Op> ops) {
    Portfolio p = run(ops);
    Portfolio emptied = p.withdraw(p.releasable());
    assertThat(emptied.releasable()).isEqualTo(Money.ZERO);
    assertThat(emptied.positions()).isEqualTo(p.positions());
    assertThatIllegalArgumentException().isThrownBy(() -> emptied.withdraw(ONE_UNIT));
  }

  @Provide
  Arbitrary<BigDecimal> roundTripPrices() {
    return prices();
  }

  @Provide
  Arbitrary<BigDecimal> roundTripQuantities() {
    return Arbitraries.bigDecimals().between(ONE_UNIT, new BigDecimal("1000000")).ofScale(8);
  }

  @Provide
  Arbitrary<BigDecimal> excess() {
    return Arbitraries.bigDecimals().between(ONE_UNIT, new BigDecimal("1000000")).ofScale(8);
  }

  // ---- worked examples -------------------------------------------------------------------------------------

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  @Example
  void closingALongAboveItsEntryRealizesTheGainLessBothFees() {
    Portfolio p = Portfolio.empty().deposit(bd("1000"))
        .apply(new Fill("BTC-USD", OrderAction.BUY, bd("0.01"), bd("50000"), bd("0.5"), 1))
        .apply(new Fill("BTC-USD", OrderAction.SELL, bd("0.01"), bd("52000"), bd("0.52"), 2));
    // 0.01 * (52000 - 50000) - 0.5 - 0.52 = 18.98
    assertThat(p.realizedPnl()).isEqualTo(bd("18.98000000"));
    assertThat(p.cash()).isEqualTo(bd("1018.98000000"));
    assertThat(p.feesPaid()).isEqualTo(bd("1.02000000"));
    assertThat(p.isFlat()).isTrue();
  }

  @Example
  void aShortGainsWhenThePriceFallsAndItsValueCountsAgainstEquity() {
    Portfolio p = Portfolio.empty().deposit(bd("1000"))
        .apply(new Fill("ETH-USD", OrderAction.SELL, bd("2"), bd("300"), BigDecimal.ZERO, 1))
        .mark("ETH-USD", bd("250"));
    assertThat(p.positions().get("ETH-USD").side()).isEqualTo(Side.SHORT);
    assertThat(p.cash()).isEqualTo(bd("1600.00000000"));
    assertThat(p.equity()).isEqualTo(bd("1100.00000000"));
    assertThat(p.unrealizedPnl()).isEqualTo(bd("100.00000000"));
    // Free capital: equity less the gross exposure, 1100 - 500.
    assertThat(p.releasable()).isEqualTo(bd("600.00000000"));
  }

  @Example
  void sellingMoreThanIsHeldFlipsThePositionAtTheFillPrice() {
    Portfolio p = Portfolio.empty().deposit(bd("1000"))
        .apply(new Fill("ETH-USD", OrderAction.BUY, bd("1"), bd("300"), BigDecimal.ZERO, 1))
        .apply(new Fill("ETH-USD", OrderAction.SELL, bd("3"), bd("310"), BigDecimal.ZERO, 2));
    Position flipped = p.positions().get("ETH-USD");
    assertThat(flipped.quantity()).isEqualTo(bd("-2.00000000"));
    assertThat(flipped.averageEntry()).isEqualTo(bd("310.00000000"));
    assertThat(flipped.openedAtMs()).isEqualTo(2);
    assertThat(p.realizedPnl()).isEqualTo(bd("10.00000000"));
    assertThat(p.isBalanced()).isTrue();
  }

  @Example
  void scalingIntoAPositionAveragesItsEntry() {
    Portfolio p = Portfolio.empty().deposit(bd("10000"))
        .apply(new Fill("BTC-USD", OrderAction.BUY, bd("0.1"), bd("20000"), BigDecimal.ZERO, 1))
        .apply(new Fill("BTC-USD", OrderAction.BUY, bd("0.3"), bd("24000"), BigDecimal.ZERO, 2));
    // (0.1 * 20000 + 0.3 * 24000) / 0.4 = 23000
    assertThat(p.positions().get("BTC-USD").averageEntry()).isEqualTo(bd("23000.00000000"));
    assertThat(p.positions().get("BTC-USD").openedAtMs()).isEqualTo(1);
    assertThat(p.isBalanced()).isTrue();
  }

  @Example
  void scalingIntoALargePositionOfACheapCoinKeepsTheBooksBalancedAndRealizesExactlyProceedsLessCost() {
    // 300,000 at 0.0123 and 400,000 at 0.0124 cost 3690 + 4960 = 8650: an average entry of 0.012357142857...,
    // which 8 decimals cannot hold (0.01235714 x 700,000 = 8649.998, two tenths of a cent short of the cost).
    Portfolio p = Portfolio.empty().deposit(bd("20000"))
        .apply(new Fill("DOGE-USD", OrderAction.BUY, bd("300000"), bd("0.0123"), BigDecimal.ZERO, 1))
        .apply(new Fill("DOGE-USD", OrderAction.BUY, bd("400000"), bd("0.0124"), BigDecimal.ZERO, 2));
    Portfolio closed = p.apply(new Fill("DOGE-USD", OrderAction.SELL, bd("700000"), bd("0.0125"), BigDecimal.ZERO, 3));

    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(p.cash()).isEqualByComparingTo("11350");
      softly.assertThat(p.isBalanced()).as("balanced while open: %s", p).isTrue();
      // Sold for 8750 what cost 8650: 100 realized, and the cash says the same.
      softly.assertThat(closed.cash()).isEqualByComparingTo("20100");
      softly.assertThat(closed.realizedPnl()).as("realized P&L").isEqualByComparingTo("100");
      softly.assertThat(closed.isBalanced()).as("balanced once closed: %s", closed).isTrue();
    });
  }

  @Example
  void withdrawingMoreThanIsReleasableNamesBothAmounts() {
    Portfolio p = Portfolio.empty().deposit(bd("100"));
    assertThatIllegalArgumentException().isThrownBy(() -> p.withdraw(bd("100.01")))
        .withMessage("withdrawal 100.01 exceeds releasable 100.00000000");
  }

  @Property(tries = 50)
  void depositsAndWithdrawalsMoveAllocatedAndCashTogether(
      @ForAll @Size(min = 1, max = 10) List<@BigRange(min = "0.01", max = "100000") BigDecimal> amounts) {
    Portfolio p = Portfolio.empty();
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal a : amounts) {
      BigDecimal amount = a.setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
      p = p.deposit(amount);
      total = total.add(amount);
    }
    assertThat(p.allocated()).isEqualByComparingTo(total);
    assertThat(p.cash()).isEqualByComparingTo(total);
    Portfolio back = p.withdraw(p.releasable());
    assertThat(back.allocated()).isEqualByComparingTo("0");
    assertThat(back.cash()).isEqualByComparingTo("0");
  }
}
