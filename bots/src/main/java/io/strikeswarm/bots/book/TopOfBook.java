package io.strikeswarm.bots.book;

import java.math.BigDecimal;
import java.util.Objects;

/** Best bid and best ask with the quantities resting there, as decimals. */
public record TopOfBook(BigDecimal bidPrice, BigDecimal bidQuantity, BigDecimal askPrice, BigDecimal askQuantity) {

  public TopOfBook {
    Objects.requireNonNull(bidPrice, "bidPrice");
    Objects.requireNonNull(bidQuantity, "bidQuantity");
    Objects.requireNonNull(askPrice, "askPrice");
    Objects.requireNonNull(askQuantity, "askQuantity");
  }

  public BigDecimal spread() {
    return askPrice.subtract(bidPrice);
  }

  @Override
  public String toString() {
    return bidQuantity.toPlainString() + " @ " + bidPrice.toPlainString() + " / "
        + askQuantity.toPlainString() + " @ " + askPrice.toPlainString();
  }
}
