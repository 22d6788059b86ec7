package io.strikeswarm.bots.book;

/** One public trade; {@code buyerIsMaker} true means the seller took liquidity. */
public record Trade(long tradeId, long tradeTimeMs, long eventTimeMs, long price, long quantity, boolean buyerIsMaker)
    implements MarketMessage {

  @Override
  public int dataPoints() {
    return 1;
  }
}
