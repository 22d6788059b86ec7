package io.strikeswarm.swarm.market;

import java.math.BigDecimal;

/**
 * The tradability rules of a bar, phrased for reports. Only impossible bars are refused: an extreme print (a 0.06
 * low among 1,000s) is positive and inside its own range, so it is real market history and passes unchanged.
 */
final class CandleChecks {
  private CandleChecks() {}

  static void requireTradable(Candle c) throws RowRejected {
    if (c.open().signum() <= 0 || c.high().signum() <= 0 || c.low().signum() <= 0 || c.close().signum() <= 0) {
      throw new RowRejected(RowReasons.PRICE_NOT_POSITIVE, ohlc(c));
    }
    if (c.high().compareTo(c.low()) < 0) throw new RowRejected(RowReasons.HIGH_BELOW_LOW, ohlc(c));
    if (outside(c.open(), c)) throw new RowRejected(RowReasons.OPEN_OUTSIDE_RANGE, ohlc(c));
    if (outside(c.close(), c)) throw new RowRejected(RowReasons.CLOSE_OUTSIDE_RANGE, ohlc(c));
    if (c.volume().signum() < 0) throw new RowRejected(RowReasons.NEGATIVE_VOLUME, "volume = " + c.volume());
  }

  static void requireValidTrade(BigDecimal price, BigDecimal amount) throws RowRejected {
    if (price.signum() <= 0) throw new RowRejected(RowReasons.PRICE_NOT_POSITIVE, "price = " + price);
    if (amount.signum() < 0) throw new RowRejected(RowReasons.NEGATIVE_AMOUNT, "amount = " + amount);
  }

  private static boolean outside(BigDecimal price, Candle c) {
    return price.compareTo(c.low()) < 0 || price.compareTo(c.high()) > 0;
  }

  private static String ohlc(Candle c) {
    return "open " + c.open() + ", high " + c.high() + ", low " + c.low() + ", close " + c.close();
  }
}
