package io.strikeswarm.bots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity.BotConfigured;
import io.strikeswarm.bots.entity.BotEntity.BotPaused;
import io.strikeswarm.bots.entity.BotEntity.CapitalAllocated;
import io.strikeswarm.bots.entity.BotEntity.EntryRefused;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.entity.BotEntity.MarketObserved;
import io.strikeswarm.bots.entity.BotEntity.OrderCancelled;
import io.strikeswarm.bots.entity.BotEntity.OrderFilled;
import io.strikeswarm.bots.entity.BotEntity.OrderPlaced;
import io.strikeswarm.bots.entity.BotEntity.PositionProtected;
import io.strikeswarm.bots.entity.BotEntity.StopTriggered;
import io.strikeswarm.bots.entity.BotEntity.TradeClosed;
import io.strikeswarm.bots.trading.StrategyRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One bar of trading, by hand: a bot's books, protection and orders, fed hand-made bars whose opens, highs, lows and
 * closes put each exit path exactly where the test wants it. The strategy is scripted (it wants in or out exactly on
 * the bars a test says), so the prices only have to exercise the risk layer.
 *
 * <p>Unless a test says otherwise: 10,000 allocated, a 10 bps taker fee, no slippage, fills at the close, and the
 * base plan of {@link Plans} — 0.5005 of equity at leverage 1 — which buys exactly 50 units at 100. After every bar
 * the desk checks that the books balance and that the ledger ({@link TradeClosed} lines) adds up to the realized
 * P&amp;L, counting the entry fees of a still open position on the books' side.
 */
class BotTraderTest {

  private static final String BOT = "t-01";
  private static final String BTC = "BTC-USD";
  private static final long T0 = 1_700_000_000_000L;
  private static final long MINUTE = 60_000L;

  // ============================================================================================================
  // Entries
  // ============================================================================================================

  @Test
  void anEntryAtTheCloseBuysWhatThePlanAllowsAndIsProtectedFromItsFill() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("2").stopLoss("0.05").takeProfit("0.10").trailingStop("0.10")));

    List<Event> entry = desk.enterOn("100", "100", "100", "100");

    // Leverage 2: 0.5005 x 10,000 x 2 = 10,010 of notional, less the fee: 10010 / (100 x 1.001) = 100 units.
    // Isolated margin: 10,000 / 2 = 5,000. Bankrupt when the position is worth 10,000 - 5,000: at 50.
    // Liquidated when what is left of the margin is the maintenance margin, 0.5 % of the position's value:
    // 5000 / (100 x 0.995) = 50.251256281... -> 50.25125628.
    assertThat(entry).containsExactly(
        new OrderPlaced(order(0, OrderAction.BUY, "100", Order.Reason.ENTRY, t(1))),
        new OrderFilled(id(0), fill(OrderAction.BUY, "100", "100", "10", t(1))),
        new PositionProtected(new PositionGuard(Side.LONG, m("100"), m("95"), m("110"), null, bd("0.10"), m("100"),
            m("5000"), m("50.25125628"), m("50"), t(1), 0)));
    assertThat(desk.state.position()).isEqualTo(new Position(BTC, m("100"), m("10000"), m("10"), t(1)));
    assertThat(desk.state.portfolio().cash()).as("borrowed the levered half").isEqualTo(m("-10"));
    assertThat(desk.state.portfolio().equity()).isEqualTo(m("9990"));
    assertThat(desk.state.openOrders()).isEmpty();
  }

  @Test
  void anEntryIsCappedByTheNotionalBudget() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("5").maxNotional("2002")));

    List<Event> entry = desk.enterOn("100", "100", "100", "100");

    // 0.5005 x 10,000 x 5 = 25,025 is allowed by the leverage, but the budget is 2,002: 2002 / 100.1 = 20 units.
    assertThat(filled(entry)).containsExactly(fill(OrderAction.BUY, "20", "100", "2", t(1)));
  }

  @Test
  void anEntryStaysWithinTheCapEvenWhenTheVenueRoundsItsFillPriceUp() {
    // No fee to absorb rounding: 1 bp of slippage on 100.179358 is 0.0100179358, which the venue rounds up to a
    // fill at 100.18937594. Sized on the ideal price, 5005 / (100.179358 x 1.0001) -> 49.95539650 units would cost
    // 5005.00000017, over the 5,005 allowed; one unit less fits.
    Desk desk = new Desk(config(Side.LONG, "0", "1", FillTiming.CLOSE, Plans.plan().build()));

    List<Event> entry = desk.enterOn("100.179358", "100.179358", "100.179358", "100.179358");

    assertThat(filled(entry)).containsExactly(fill(OrderAction.BUY, "49.95539649", "100.18937594", "0", t(1)));
    assertThat(desk.state.position().costBasis()).isEqualTo(m("5004.99999917")).isLessThanOrEqualTo(m("5005"));
  }

  // ============================================================================================================
  // Stop-loss
  // ============================================================================================================

  @Test
  void aStopLossFillsAtItsLevel() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> stop = desk.bar("99", "101", "94", "100");

    // 50 units sold at 95.00, fee 4.75: 4750 - 5000 - 5 (entry fee) - 4.75 = -259.75.
    assertThat(stop).containsExactly(
        new StopTriggered("stop-loss", m("95"), t(2)),
        new OrderPlaced(order(1, OrderAction.SELL, "50", Order.Reason.STOP_LOSS, t(2))),
        new OrderFilled(id(1), fill(OrderAction.SELL, "50", "95", "4.75", t(2))),
        new TradeClosed(closed(Side.LONG, "50", t(1), "100", t(2), "95", "-259.75", "9.75", "stop-loss")));
    assertThat(desk.state.position()).isNull();
    assertThat(desk.state.guard()).isNull();
    assertThat(desk.state.portfolio().realizedPnl()).isEqualTo(m("-259.75"));
    assertThat(desk.state.stats().roundTrips()).isEqualTo(1);
    assertThat(desk.state.stats().losses()).isEqualTo(1);
  }

  @Test
  void aBarThatOpensBelowTheStopFillsItAtTheOpen() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> gap = desk.bar("92", "93", "90", "91");

    assertThat(gap.get(0)).as("triggered at its level").isEqualTo(new StopTriggered("stop-loss", m("95"), t(2)));
    assertThat(filled(gap)).as("but filled where the market opened")
        .containsExactly(fill(OrderAction.SELL, "50", "92", "4.6", t(2)));
    assertThat(ledger(gap)).containsExactly(closed(Side.LONG, "50", t(1), "100", t(2), "92", "-409.6", "9.6",
        "stop-loss"));
  }

  @Test
  void aBarThatNeverReachesTheStopLeavesThePositionAlone() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    assertThat(desk.bar("99", "101", "95.01", "96")).isEmpty();
    assertThat(desk.state.position()).isNotNull();
    assertThat(desk.state.guard().barsHeld()).isEqualTo(1);
  }

  @Test
  void stopsPaySlippageButTakeProfitLimitsDoNot() {
    BotConfig slippery = config(Side.LONG, "10", "10", FillTiming.CLOSE, Plans.plan().stopLoss("0.05").build());
    Desk stopped = new Desk(slippery);
    stopped.enterOn("100", "100", "100", "100");
    // Bought 10 bps above the close: 100.10; 5005 / (100 x 1.002) = 49.950099800... -> 49.95009980 units.
    assertThat(filled(stopped.log.subList(0, 2))).containsExactly(
        fill(OrderAction.BUY, "49.9500998", "100.1", Money.bps(bd("49.9500998").multiply(bd("100.1")), bd("10"))
            .toPlainString(), t(1)));

    List<Event> stop = stopped.bar("99", "101", "94", "100");

    // The stop rests at 100.10 x 0.95 = 95.095 and sells 10 bps below it: 95.095 - 0.095095 = 94.999905.
    assertThat(stop.get(0)).isEqualTo(new StopTriggered("stop-loss", m("95.095"), t(2)));
    assertThat(filled(stop).get(0).price()).isEqualTo(m("94.999905"));

    BotConfig target = config(Side.LONG, "10", "10", FillTiming.CLOSE, Plans.plan().takeProfit("0.10").build());
    Desk took = new Desk(target);
    took.enterOn("100", "100", "100", "100");

    List<Event> profit = took.bar("101", "111", "100", "110");

    // The target is a limit at 100.10 x 1.10 = 110.11 and fills there, not a tick worse.
    assertThat(profit.get(0)).isEqualTo(new StopTriggered("take-profit", m("110.11"), t(2)));
    assertThat(filled(profit).get(0).price()).isEqualTo(m("110.11"));
  }

  // ============================================================================================================
  // Trailing stop
  // ============================================================================================================

  @Test
  void aTrailingStopFollowsTheHighWatermarkFromTheBarAfterTheOneThatMadeIt() {
    Desk desk = new Desk(longBot(Plans.plan().trailingStop("0.10")));
    desk.enterOn("100", "100", "100", "100");

    // This bar makes a high of 120 and then dips to 107. Had the trail moved with the high inside the bar it would
    // sit at 108 and have been hit; it is not: the bar's path is unknown, the trail still rests at 90.
    assertThat(desk.bar("110", "120", "107", "115")).isEmpty();
    assertThat(desk.state.guard().watermark()).isEqualTo(m("120"));
    assertThat(desk.state.guard().trailingStopPrice()).isEqualTo(m("108"));

    List<Event> trail = desk.bar("115", "116", "108", "110");

    // 50 units out at 108, fee 5.40: 5400 - 5000 - 5 - 5.40 = 389.60.
    assertThat(trail).containsExactly(
        new StopTriggered("trailing-stop", m("108"), t(3)),
        new OrderPlaced(order(1, OrderAction.SELL, "50", Order.Reason.TRAILING_STOP, t(3))),
        new OrderFilled(id(1), fill(OrderAction.SELL, "50", "108", "5.4", t(3))),
        new TradeClosed(closed(Side.LONG, "50", t(1), "100", t(3), "108", "389.6", "10.4", "trailing-stop")));
    assertThat(desk.state.stats().wins()).isEqualTo(1);
  }

  @Test
  void ofAStopLossAndATrailingStopTheOneAFallingPriceMeetsFirstFills() {
    Desk early = new Desk(longBot(Plans.plan().stopLoss("0.05").trailingStop("0.10")));
    early.enterOn("100", "100", "100", "100");
    // The trail rests at 90, the stop at 95: a fall to 94 meets the stop.
    assertThat(early.bar("99", "100", "94", "96").get(0)).isEqualTo(new StopTriggered("stop-loss", m("95"), t(2)));

    Desk late = new Desk(longBot(Plans.plan().stopLoss("0.05").trailingStop("0.10")));
    late.enterOn("100", "100", "100", "100");
    late.bar("110", "120", "110", "115");
    // Now the trail rests at 108, above the stop: a fall to 90 meets the trail first.
    List<Event> fall = late.bar("115", "115", "90", "92");
    assertThat(fall.get(0)).isEqualTo(new StopTriggered("trailing-stop", m("108"), t(3)));
    assertThat(filled(fall).get(0).price()).isEqualTo(m("108"));
  }

  // ============================================================================================================
  // Take-profit
  // ============================================================================================================

  @Test
  void aPartialTakeProfitClosesItsFractionAndShrinksTheMarginThenTheTargetClosesTheRest() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("2").partialTakeProfit("0.05", "0.4").takeProfit("0.10")));
    desk.enterOn("100", "100", "100", "100"); // 100 units, 10,000 of notional on 5,000 of margin, fee 10
    PositionGuard entered = desk.state.guard();

    List<Event> partial = desk.bar("101", "106", "100", "104");

    // 40 % out at 105: 4200 - 4000 - 4 (40 % of the entry fee) - 4.20 = 191.80. The remaining 60 units keep 60 % of
    // the margin; the partial level is spent.
    assertThat(partial).containsExactly(
        new StopTriggered("partial-take-profit", m("105"), t(2)),
        new OrderPlaced(order(1, OrderAction.SELL, "40", Order.Reason.PARTIAL_TAKE_PROFIT, t(2))),
        new OrderFilled(id(1), fill(OrderAction.SELL, "40", "105", "4.2", t(2))),
        new TradeClosed(closed(Side.LONG, "40", t(1), "100", t(2), "105", "191.8", "8.2", "partial-take-profit")),
        new PositionProtected(entered.afterPartial(m("3000"))));
    assertThat(desk.state.position()).isEqualTo(new Position(BTC, m("60"), m("6000"), m("6"), t(1)));
    assertThat(desk.state.guard().partialTakeProfitPrice()).isNull();
    assertThat(desk.state.guard().margin()).isEqualTo(m("3000"));
    assertThat(desk.state.guard().liquidationPrice()).as("same price: margin and cost shrank together")
        .isEqualTo(entered.liquidationPrice());

    assertThat(desk.bar("104", "106", "103", "105")).as("the partial level does not fire twice").isEmpty();

    List<Event> target = desk.bar("105", "111", "104", "109");

    // The rest at 110: 6600 - 6000 - 6 - 6.60 = 587.40.
    assertThat(target).containsExactly(
        new StopTriggered("take-profit", m("110"), t(4)),
        new OrderPlaced(order(2, OrderAction.SELL, "60", Order.Reason.TAKE_PROFIT, t(4))),
        new OrderFilled(id(2), fill(OrderAction.SELL, "60", "110", "6.6", t(4))),
        new TradeClosed(closed(Side.LONG, "60", t(1), "100", t(4), "110", "587.4", "12.6", "take-profit")));
    // The round trip: the ledger lines add up to the realized P&L, entry fee included.
    assertThat(m("191.8").add(m("587.4"))).isEqualTo(desk.state.portfolio().realizedPnl()).isEqualTo(m("779.2"));
    assertThat(desk.state.stats().roundTrips()).isEqualTo(1);
  }

  @Test
  void aBarThatReachesBothTargetsTakesThePartialThenTheRest() {
    Desk desk = new Desk(longBot(Plans.plan().partialTakeProfit("0.05", "0.4").takeProfit("0.10")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> both = desk.bar("101", "112", "100", "111");

    assertThat(filled(both)).containsExactly(
        fill(OrderAction.SELL, "20", "105", "2.1", t(2)),
        fill(OrderAction.SELL, "30", "110", "3.3", t(2)));
    assertThat(desk.state.position()).isNull();
  }

  @Test
  void aBarThatOpensAboveTheTargetFillsItAtTheBetterOpen() {
    Desk desk = new Desk(longBot(Plans.plan().takeProfit("0.10")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> gap = desk.bar("112", "113", "111", "112");

    assertThat(gap.get(0)).isEqualTo(new StopTriggered("take-profit", m("110"), t(2)));
    assertThat(filled(gap)).containsExactly(fill(OrderAction.SELL, "50", "112", "5.6", t(2)));
  }

  @Test
  void aBarThatReachesTheStopAndTheTargetIsTakenAsAStop() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05").takeProfit("0.10")));
    desk.enterOn("100", "100", "100", "100");

    // Which came first is unknown: the worse is assumed.
    List<Event> wide = desk.bar("100", "115", "90", "100");

    assertThat(wide.get(0)).isEqualTo(new StopTriggered("stop-loss", m("95"), t(2)));
    assertThat(filled(wide)).containsExactly(fill(OrderAction.SELL, "50", "95", "4.75", t(2)));
  }

  // ============================================================================================================
  // Time exit
  // ============================================================================================================

  @Test
  void aTimeExitClosesAtTheCloseOfTheLastBarAllowed() {
    Desk desk = new Desk(longBot(Plans.plan().maxBarsHeld(3)));
    desk.enterOn("100", "100", "100", "100");

    assertThat(desk.bar("100", "102", "99", "101")).as("held 1 bar").isEmpty();
    assertThat(desk.bar("101", "103", "100", "102")).as("held 2 bars").isEmpty();
    List<Event> third = desk.bar("102", "104", "101", "103");

    assertThat(third).containsExactly(
        new OrderPlaced(order(1, OrderAction.SELL, "50", Order.Reason.TIME_EXIT, t(4))),
        new OrderFilled(id(1), fill(OrderAction.SELL, "50", "103", "5.15", t(4))),
        new TradeClosed(closed(Side.LONG, "50", t(1), "100", t(4), "103", "139.85", "10.15", "time-exit")));
  }

  // ============================================================================================================
  // Liquidation
  // ============================================================================================================

  @Test
  void aCrashThroughTheLiquidationPriceLosesExactlyTheMargin() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("5")));
    desk.enterOn("100", "100", "100", "100");
    // 0.5005 x 10,000 x 5 = 25,025 -> 250 units, 25,000 of notional on 5,000 of margin, fee 25.
    // Bankrupt at (25000 - 5000) / 250 = 80; liquidated at 20000 / (250 x 0.995) = 80.402010050... -> 80.40201005.
    PositionGuard guard = desk.state.guard();
    assertThat(guard.margin()).isEqualTo(m("5000"));
    assertThat(guard.bankruptcyPrice()).isEqualTo(m("80"));
    assertThat(guard.liquidationPrice()).isEqualTo(m("80.40201005"));

    List<Event> crash = desk.bar("99", "99", "70", "75");

    // The venue closes it at the bankruptcy price, without a fee: the loss is the margin, no more, no less.
    assertThat(crash).containsExactly(
        new StopTriggered("liquidation", m("80.40201005"), t(2)),
        new OrderPlaced(order(1, OrderAction.SELL, "250", Order.Reason.LIQUIDATION, t(2))),
        new OrderFilled(id(1), fill(OrderAction.SELL, "250", "80", "0", t(2))),
        new TradeClosed(closed(Side.LONG, "250", t(1), "100", t(2), "80", "-5025", "25", "liquidation")));
    assertThat(desk.state.portfolio().equity()).as("10,000 - 5,000 margin - 25 entry fee").isEqualTo(m("4975"));
    assertThat(desk.state.portfolio().cash()).isEqualTo(m("4975"));
  }

  @Test
  void aGapThroughTheLiquidationPriceStillLosesOnlyTheMargin() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("5").stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> gap = desk.bar("60", "62", "55", "58");

    // Opened beyond the stop and beyond the liquidation price: liquidated, at the bankruptcy price, not the open.
    assertThat(gap.get(0)).isEqualTo(new StopTriggered("liquidation", m("80.40201005"), t(2)));
    assertThat(filled(gap)).containsExactly(fill(OrderAction.SELL, "250", "80", "0", t(2)));
    assertThat(desk.state.portfolio().equity()).isEqualTo(m("4975"));
  }

  @Test
  void aGapThroughTheStopThatStopsShortOfLiquidationFillsTheStopAtTheOpen() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("5").stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> gap = desk.bar("90", "91", "85", "86");

    // 250 x 90 - 25000 - 25 - 22.50 = -2547.50: worse than the stop, less than the margin.
    assertThat(gap.get(0)).isEqualTo(new StopTriggered("stop-loss", m("95"), t(2)));
    assertThat(ledger(gap)).containsExactly(closed(Side.LONG, "250", t(1), "100", t(2), "90", "-2547.5", "47.5",
        "stop-loss"));
  }

  @Test
  void aStopBeyondTheLiquidationPriceIsNeverReachedTheVenueLiquidatesFirst() {
    Desk desk = new Desk(longBot(Plans.plan().leverage("5").stopLoss("0.25"))); // stop at 75, liquidation 80.40
    desk.enterOn("100", "100", "100", "100");

    List<Event> crash = desk.bar("99", "99", "70", "72");

    assertThat(crash.get(0)).isEqualTo(new StopTriggered("liquidation", m("80.40201005"), t(2)));
    assertThat(ledger(crash).get(0).pnl()).isEqualTo(m("-5025"));
  }

  @Test
  void anUnleveredLongHasNothingToLiquidate() {
    Desk desk = new Desk(longBot(Plans.plan()));
    desk.enterOn("100", "100", "100", "100");

    assertThat(desk.state.guard().liquidationPrice()).isNull();
    assertThat(desk.state.guard().bankruptcyPrice()).isNull();
    assertThat(desk.bar("99", "99", "1", "2")).as("a 98 % fall is the holder's loss, not a liquidation").isEmpty();
  }

  // ============================================================================================================
  // Shorts mirror all of it
  // ============================================================================================================

  @Test
  void aShortSellsTheEntryAndItsStopLossBuysBackAtTheLevel() {
    Desk desk = new Desk(shortBot(Plans.plan().stopLoss("0.05")));

    List<Event> entry = desk.enterOn("100", "100", "100", "100");

    // Unlevered short: the margin is the proceeds, bankrupt at twice the entry, liquidated at
    // 10000 / (50 x 1.005) = 199.004975124... -> 199.00497512.
    assertThat(entry).containsExactly(
        new OrderPlaced(order(0, OrderAction.SELL, "50", Order.Reason.ENTRY, t(1))),
        new OrderFilled(id(0), fill(OrderAction.SELL, "50", "100", "5", t(1))),
        new PositionProtected(new PositionGuard(Side.SHORT, m("100"), m("105"), null, null, null, m("100"), m("5000"),
            m("199.00497512"), m("200"), t(1), 0)));
    assertThat(desk.state.position().quantity()).isEqualTo(m("-50"));
    assertThat(desk.state.portfolio().cash()).isEqualTo(m("14995"));

    List<Event> stop = desk.bar("101", "106", "99", "100");

    // 5000 - 5250 - 5 - 5.25 = -260.25.
    assertThat(stop).containsExactly(
        new StopTriggered("stop-loss", m("105"), t(2)),
        new OrderPlaced(order(1, OrderAction.BUY, "50", Order.Reason.STOP_LOSS, t(2))),
        new OrderFilled(id(1), fill(OrderAction.BUY, "50", "105", "5.25", t(2))),
        new TradeClosed(closed(Side.SHORT, "50", t(1), "100", t(2), "105", "-260.25", "10.25", "stop-loss")));
  }

  @Test
  void aShortsStopGappedThroughFillsAtTheOpen() {
    Desk desk = new Desk(shortBot(Plans.plan().stopLoss("0.05")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> gap = desk.bar("108", "110", "107", "109");

    assertThat(gap.get(0)).isEqualTo(new StopTriggered("stop-loss", m("105"), t(2)));
    assertThat(filled(gap)).containsExactly(fill(OrderAction.BUY, "50", "108", "5.4", t(2)));
  }

  @Test
  void aShortsTrailingStopFollowsTheLowWatermarkFromTheNextBar() {
    Desk desk = new Desk(shortBot(Plans.plan().trailingStop("0.10")));
    desk.enterOn("100", "100", "100", "100");

    // Falls to 80 and bounces to 103: the trail still rests at 110 during this bar.
    assertThat(desk.bar("95", "103", "80", "85")).isEmpty();
    assertThat(desk.state.guard().watermark()).isEqualTo(m("80"));

    List<Event> trail = desk.bar("85", "88", "84", "86");

    // 80 x 1.10 = 88: 5000 - 4400 - 5 - 4.40 = 590.60.
    assertThat(trail.get(0)).isEqualTo(new StopTriggered("trailing-stop", m("88"), t(3)));
    assertThat(ledger(trail)).containsExactly(closed(Side.SHORT, "50", t(1), "100", t(3), "88", "590.6", "9.4",
        "trailing-stop"));
  }

  @Test
  void aShortsTargetsAreBelowItsEntry() {
    Desk desk = new Desk(shortBot(Plans.plan().partialTakeProfit("0.05", "0.4").takeProfit("0.10")));
    desk.enterOn("100", "100", "100", "100");

    List<Event> partial = desk.bar("99", "100", "94", "96");
    List<Event> rest = desk.bar("96", "97", "89", "91");

    // 20 bought back at 95: 2000 - 1900 - 2 - 1.90 = 96.10; 30 at 90: 3000 - 2700 - 3 - 2.70 = 294.30.
    assertThat(ledger(partial)).containsExactly(closed(Side.SHORT, "20", t(1), "100", t(2), "95", "96.1", "3.9",
        "partial-take-profit"));
    assertThat(ledger(rest)).containsExactly(closed(Side.SHORT, "30", t(1), "100", t(3), "90", "294.3", "5.7",
        "take-profit"));
    assertThat(desk.state.portfolio().realizedPnl()).isEqualTo(m("390.4"));
  }

  @Test
  void aShortsSqueezeThroughTheLiquidationPriceLosesExactlyTheMargin() {
    Desk desk = new Desk(shortBot(Plans.plan().leverage("5")));
    desk.enterOn("100", "100", "100", "100");
    // 250 units short, 25,000 of proceeds, 5,000 of margin: bankrupt at 30000 / 250 = 120, liquidated at
    // 30000 / (250 x 1.005) = 119.402985074... -> 119.40298507.
    assertThat(desk.state.guard().bankruptcyPrice()).isEqualTo(m("120"));
    assertThat(desk.state.guard().liquidationPrice()).isEqualTo(m("119.40298507"));

    List<Event> squeeze = desk.bar("101", "130", "100", "125");

    assertThat(squeeze).containsExactly(
        new StopTriggered("liquidation", m("119.40298507"), t(2)),
        new OrderPlaced(order(1, OrderAction.BUY, "250", Order.Reason.LIQUIDATION, t(2))),
        new OrderFilled(id(1), fill(OrderAction.BUY, "250", "120", "0", t(2))),
        new TradeClosed(closed(Side.SHORT, "250", t(1), "100", t(2), "120", "-5025", "25", "liquidation")));
    assertThat(desk.state.portfolio().equity()).isEqualTo(m("4975"));
  }

  @Test
  void aShortsTimeExitBuysBackAtTheClose() {
    Desk desk = new Desk(shortBot(Plans.plan().maxBarsHeld(2)));
    desk.enterOn("100", "100", "100", "100");

    assertThat(desk.bar("100", "101", "97", "98")).isEmpty();
    List<Event> second = desk.bar("98", "99", "96", "97");

    assertThat(ledger(second)).containsExactly(closed(Side.SHORT, "50", t(1), "100", t(3), "97", "140.15", "9.85",
        "time-exit"));
  }

  // ============================================================================================================
  // Fills at the next open
  // ============================================================================================================

  @Test
  void anEntryDecidedAtTheCloseWaitsAndFillsAtTheNextOpen() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().stopLoss("0.05").build()));

    List<Event> decided = desk.enterOn("98", "99", "97", "98.50");

    Order entry = order(0, OrderAction.BUY, "50.76142131", Order.Reason.ENTRY, t(1)); // 5005 / (98.50 x 1.001)
    assertThat(decided).containsExactly(new OrderPlaced(entry));
    assertThat(desk.state.openOrders()).containsOnlyKeys(id(0));
    assertThat(desk.state.position()).isNull();

    List<Event> open = desk.bar("98.50", "99", "97", "98");

    assertThat(open).containsExactly(
        new OrderFilled(id(0), fill(OrderAction.BUY, "50.76142131", "98.5", "5", t(2))),
        new PositionProtected(new PositionGuard(Side.LONG, m("98.5"), m("93.575"), null, null, null, m("98.5"),
            m("4999.99999904"), null, null, t(2), 0)));
    assertThat(desk.state.openOrders()).isEmpty();
  }

  @Test
  void anEntryWaitingForTheOpenIsShrunkToFitTheLimitsWhenThePriceGapsUp() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().build()));
    desk.enterOn("100", "100", "100", "100"); // an order for 50 units

    List<Event> gap = desk.bar("125", "126", "124", "125");

    // 50 x 125 would be 6,250 of notional; the cap is 5,005: 5005 / (125 x 1.001) = 40 units.
    assertThat(filled(gap)).containsExactly(fill(OrderAction.BUY, "40", "125", "5", t(2)));
  }

  @Test
  void anExitDecidedAtTheCloseFillsAtTheNextOpen() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().build()));
    desk.enterOn("100", "100", "100", "100");
    desk.bar("100", "101", "99", "100"); // filled at 100

    List<Event> decided = desk.exitOn("100", "104", "100", "103");
    assertThat(decided).containsExactly(new OrderPlaced(order(1, OrderAction.SELL, "50", Order.Reason.EXIT, t(3))));
    assertThat(desk.state.position()).isNotNull();

    List<Event> open = desk.bar("102", "102", "99", "100");

    assertThat(open).containsExactly(
        new OrderFilled(id(1), fill(OrderAction.SELL, "50", "102", "5.1", t(4))),
        new TradeClosed(closed(Side.LONG, "50", t(2), "100", t(4), "102", "89.9", "10.1", "signal")));
  }

  @Test
  void aTrailAfterAnEntryAtTheOpenFollowsTheHighOfTheEntryBar() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().trailingStop("0.10").build()));
    desk.enterOn("100", "100", "100", "100");
    // Filled at this bar's open, 100: the whole bar, up to its high of 120, came after the entry.
    desk.bar("100", "120", "100", "115");
    assertThat(desk.state.guard().watermark()).isEqualTo(m("120"));

    List<Event> trail = desk.bar("115", "116", "108", "110");

    assertThat(trail.get(0)).isEqualTo(new StopTriggered("trailing-stop", m("108"), t(3)));
  }

  @Test
  void aTimeExitAfterAnEntryAtTheOpenHoldsTheMaximumNumberOfBars() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().maxBarsHeld(2).build()));
    desk.enterOn("100", "100", "100", "100");
    assertThat(filled(desk.bar("100", "101", "99", "100"))).as("filled at the open of bar 2").hasSize(1);

    List<Event> second = desk.bar("100", "101", "99", "100");

    // Held through bars 2 and 3: out at the next open, as an entry at the close is out at the close two bars on.
    assertThat(second).containsExactly(new OrderPlaced(order(1, OrderAction.SELL, "50", Order.Reason.TIME_EXIT,
        t(3))));
    assertThat(filled(desk.bar("101", "101", "99", "100"))).hasSize(1);
    assertThat(desk.state.position()).isNull();
  }

  @Test
  void aGapThroughTheLiquidationPriceLiquidatesEvenWhenAnExitWaitsForThatOpen() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().leverage("5").build()));
    desk.enterOn("100", "100", "100", "100");
    desk.bar("100", "100", "99", "99"); // 250 units at 100 on 5,000 of margin; bankrupt at 80
    desk.exitOn("99", "99", "96", "96"); // a sell waits for the next open

    List<Event> gap = desk.bar("70", "72", "68", "71");

    // The market went through the liquidation price before it opened at 70: the venue liquidated the position at its
    // bankruptcy price, and the waiting sell has nothing left to sell.
    assertThat(ledger(gap)).extracting(ClosedTrade::exitReason, ClosedTrade::exitPrice, ClosedTrade::pnl)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("liquidation", m("80"), m("-5025")));
    assertThat(gap).filteredOn(OrderCancelled.class::isInstance).hasSize(1);
    assertThat(desk.state.openOrders()).isEmpty();
    assertThat(desk.state.portfolio().equity()).isEqualTo(m("4975"));
  }

  // ============================================================================================================
  // The swarm's trading state, the bot's status
  // ============================================================================================================

  @Test
  void aReducingSwarmRefusesEntriesButLetsPositionsClose() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.swarm = TradingState.REDUCING;

    assertThat(desk.enterOn("100", "100", "100", "100"))
        .containsExactly(new EntryRefused(t(1), "swarm is REDUCING"));
    assertThat(desk.state.position()).isNull();

    desk.swarm = TradingState.ACTIVE;
    desk.enterOn("100", "100", "100", "100");
    desk.swarm = TradingState.REDUCING;
    assertThat(ledger(desk.exitOn("100", "102", "99", "101"))).as("a signal exit")
        .extracting(ClosedTrade::exitReason).containsExactly("signal");

    desk.swarm = TradingState.ACTIVE;
    desk.enterOn("100", "100", "100", "100");
    desk.swarm = TradingState.REDUCING;
    assertThat(ledger(desk.bar("99", "99", "90", "91"))).as("a stop").extracting(ClosedTrade::exitReason)
        .containsExactly("stop-loss");
  }

  @Test
  void anEntryWaitingForTheOpenIsCancelledWhenTheSwarmStartsReducing() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().build()));
    desk.enterOn("100", "100", "100", "100");
    desk.swarm = TradingState.REDUCING;

    List<Event> open = desk.bar("100", "101", "99", "100");

    assertThat(open).containsExactly(new OrderCancelled(id(0), "swarm is REDUCING"));
    assertThat(desk.state.position()).isNull();
    assertThat(desk.state.openOrders()).isEmpty();
  }

  @Test
  void aHaltedSwarmTradesNothingOnSignalsButPositionsStayProtected() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.swarm = TradingState.HALTED;
    assertThat(desk.enterOn("100", "100", "100", "100")).isEmpty();

    desk.swarm = TradingState.ACTIVE;
    desk.enterOn("100", "100", "100", "100");
    desk.swarm = TradingState.HALTED;
    assertThat(desk.exitOn("100", "101", "99", "100")).as("no signal exit").isEmpty();
    assertThat(ledger(desk.bar("99", "99", "90", "91"))).as("the stop still rests")
        .extracting(ClosedTrade::exitReason).containsExactly("stop-loss");
  }

  @Test
  void anEntryOnABarThatMovedBeyondThePriceBandIsRefused() {
    Desk desk = new Desk(longBot(Plans.plan().priceBand("0.20")));
    desk.bar("100", "100", "100", "100");

    assertThat(desk.enterOn("100", "126", "100", "125"))
        .containsExactly(new EntryRefused(t(2), "price band: close moved 25 % in one bar"));
    assertThat(desk.state.position()).isNull();

    // A bar within the band enters.
    assertThat(filled(desk.enterOn("125", "127", "124", "126"))).hasSize(1);
  }

  @Test
  void aPausedBotNeverEntersButStillExits() {
    Desk desk = new Desk(longBot(Plans.plan().stopLoss("0.05")));
    desk.pause();
    assertThat(desk.enterOn("100", "100", "100", "100")).as("no entry, not even a refusal to record").isEmpty();

    desk.resume();
    desk.enterOn("100", "100", "100", "100");
    desk.pause();
    assertThat(ledger(desk.exitOn("100", "102", "99", "101"))).extracting(ClosedTrade::exitReason)
        .containsExactly("signal");
    assertThat(desk.enterOn("101", "101", "101", "101")).isEmpty();

    desk.resume();
    desk.enterOn("100", "100", "100", "100");
    desk.pause();
    assertThat(ledger(desk.bar("99", "99", "90", "91"))).extracting(ClosedTrade::exitReason)
        .containsExactly("stop-loss");
  }

  @Test
  void anEntryWaitingForTheOpenIsCancelledWhenTheBotIsPaused() {
    Desk desk = new Desk(config(Side.LONG, "10", "0", FillTiming.NEXT_OPEN, Plans.plan().build()));
    desk.enterOn("100", "100", "100", "100");
    desk.pause();

    List<Event> open = desk.bar("100", "101", "99", "100");

    assertThat(open).containsExactly(new OrderCancelled(id(0), "bot is PAUSED"));
    assertThat(desk.state.position()).isNull();
  }

  // ============================================================================================================
  // Volatility sizing
  // ============================================================================================================

  @Test
  void volatilitySizingStopsTheMultipleOfTheAtrAwayFromTheFill() {
    for (FillTiming timing : FillTiming.values()) {
      Desk desk = new Desk(config(Side.LONG, "10", "0", timing,
          Plans.plan().sizing(TradePlan.Sizing.VOLATILITY).atrMultiple("2").riskPerTrade("0.01").build()));
      // Fifteen bars of range 2 and no gaps: ATR(14) is exactly 2, so the stop is 2 x 2 = 4 below the fill.
      for (int i = 0; i < 14; i++) desk.bar("100", "101", "99", "100");
      desk.enterOn("100", "101", "99", "100");
      if (timing == FillTiming.NEXT_OPEN) desk.bar("100", "101", "99", "100");

      assertThat(desk.state.guard()).as("guard with fills at the %s", timing.label()).isNotNull();
      assertThat(desk.state.guard().entryPrice()).isEqualTo(m("100"));
      assertThat(desk.state.guard().stopPrice()).as("stop with fills at the %s", timing.label()).isEqualTo(m("96"));
      // Risk 1 % of 10,000 over a 4 % stop: 2,500 of notional, 2500 / 100.1 = 24.97502497 units.
      assertThat(desk.state.position().quantity()).isEqualTo(m("24.97502497"));
    }
  }

  // ============================================================================================================
  // Flatten
  // ============================================================================================================

  @Test
  void flatteningCancelsAWaitingOrderAndClosesAtTheLastCloseLessSlippage() {
    Desk desk = new Desk(config(Side.LONG, "10", "10", FillTiming.NEXT_OPEN, Plans.plan().build()));
    desk.enterOn("100", "100", "100", "100");
    desk.bar("100", "101", "99", "100");
    desk.exitOn("100", "104", "100", "103"); // an exit waits for the next open

    BatchRecorder rec = new BatchRecorder(desk.state);
    BotTrader.flatten(rec, "kill switch");

    // Sold at the last close, 103, less 10 bps: 102.897.
    BigDecimal quantity = desk.state.position().quantity();
    List<Event> events = rec.allEvents();
    assertThat(events.subList(0, 3)).containsExactly(
        new OrderCancelled(id(1), "kill switch"),
        new OrderPlaced(new Order(id(2), BTC, OrderAction.SELL, quantity, Order.Reason.FLATTEN, t(3))),
        new OrderFilled(id(2), new Fill(BTC, OrderAction.SELL, quantity, m("102.897"),
            Money.bps(quantity.multiply(m("102.897")), bd("10")), t(3))));
    assertThat(ledger(events)).singleElement().satisfies(trade -> {
      assertThat(trade.exitReason()).isEqualTo("flatten");
      assertThat(trade.pnl()).as("the round trip's P&L").isEqualTo(rec.state().portfolio().realizedPnl());
    });
    assertThat(events).hasSize(4);
    assertThat(rec.state().position()).isNull();
    assertThat(rec.state().openOrders()).isEmpty();
  }

  // ============================================================================================================
  // The desk
  // ============================================================================================================

  /** A bot's trading state fed one bar at a time through {@link BotTrader#onBar}, with a scripted strategy. */
  private static final class Desk {
    final ScriptedStrategy script;
    final StrategyRuntime runtime;
    BotState state;
    TradingState swarm = TradingState.ACTIVE;
    long time = T0;
    int index = -1;
    /** Every event recorded so far. */
    final List<Event> log = new ArrayList<>();

    Desk(BotConfig config) {
      config.validate();
      script = new ScriptedStrategy(config.side());
      runtime = new StrategyRuntime(script);
      state = BotState.empty(BOT).apply(new BotConfigured(config)).apply(new CapitalAllocated(1, m("10000")));
    }

    List<Event> enterOn(String open, String high, String low, String close) {
      script.enterAt(index + 1);
      return bar(open, high, low, close);
    }

    List<Event> exitOn(String open, String high, String low, String close) {
      script.exitAt(index + 1);
      return bar(open, high, low, close);
    }

    void pause() {
      state = state.apply(new BotPaused());
    }

    void resume() {
      state = state.apply(new BotEntity.BotResumed());
    }

    /** Trades one bar; returns its events before the closing market observation, which it checks. */
    List<Event> bar(String open, String high, String low, String close) {
      time += MINUTE;
      index++;
      Bar bar = Bar.of(BTC, time, open, high, low, close, "10");
      assertThat(bar.defect()).as("a test bar").isEmpty();
      BatchRecorder rec = new BatchRecorder(state);
      BotTrader.onBar(rec, bar, runtime, swarm);
      List<Event> events = rec.allEvents();
      assertThat(events).as("every bar ends with its market observation").last().isInstanceOf(MarketObserved.class);
      MarketObserved market = (MarketObserved) events.get(events.size() - 1);
      assertThat(market.timeMs()).isEqualTo(time);
      assertThat(market.close()).isEqualTo(bar.close());
      log.addAll(events);
      state = rec.state();
      booksBalanceAndTheLedgerAddsUp();
      return events.subList(0, events.size() - 1);
    }

    /**
     * The books balance, and the ledger lines written so far sum to the realized P&amp;L plus the entry fees still
     * carried by an open position (they were realized at the entry and go to the ledger when it closes).
     */
    private void booksBalanceAndTheLedgerAddsUp() {
      assertThat(state.portfolio().isBalanced()).as("books balance after bar %d", index).isTrue();
      BigDecimal ledger = Money.ZERO;
      for (Event e : log) if (e instanceof TradeClosed c) ledger = ledger.add(c.trade().pnl());
      Position open = state.position();
      BigDecimal carried = open == null ? Money.ZERO : open.entryFees();
      assertThat(ledger).as("ledger after bar %d", index)
          .isEqualTo(state.portfolio().realizedPnl().add(carried));
    }
  }

  // ---- building blocks ---------------------------------------------------------------------------------------

  private static BotConfig longBot(Plans plan) {
    return config(Side.LONG, "10", "0", FillTiming.CLOSE, plan.build());
  }

  private static BotConfig shortBot(Plans plan) {
    return config(Side.SHORT, "10", "0", FillTiming.CLOSE, plan.build());
  }

  private static BotConfig config(Side side, String feeBps, String slippageBps, FillTiming timing, TradePlan plan) {
    return new BotConfig("sma-cross", Map.of(), BTC, "paper", side, bd(feeBps), bd(slippageBps), timing, plan);
  }

  private static long t(int bar) {
    return T0 + bar * MINUTE;
  }

  private static String id(int seq) {
    return Order.idFor(BOT, seq);
  }

  private static Order order(int seq, OrderAction action, String quantity, Order.Reason reason, long placedAtMs) {
    return new Order(id(seq), BTC, action, m(quantity), reason, placedAtMs);
  }

  private static Fill fill(OrderAction action, String quantity, String price, String fee, long timeMs) {
    return new Fill(BTC, action, m(quantity), m(price), m(fee), timeMs);
  }

  private static ClosedTrade closed(Side side, String quantity, long entryMs, String entryPrice, long exitMs,
      String exitPrice, String pnl, String fees, String reason) {
    return new ClosedTrade(BOT, BTC, side, m(quantity), entryMs, m(entryPrice), exitMs, m(exitPrice), m(pnl), m(fees),
        reason);
  }

  private static List<Fill> filled(List<Event> events) {
    return events.stream().filter(OrderFilled.class::isInstance).map(e -> ((OrderFilled) e).fill()).toList();
  }

  private static List<ClosedTrade> ledger(List<Event> events) {
    return events.stream().filter(TradeClosed.class::isInstance).map(e -> ((TradeClosed) e).trade()).toList();
  }

  private static BigDecimal m(String value) {
    return Money.of(value);
  }

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }
}
