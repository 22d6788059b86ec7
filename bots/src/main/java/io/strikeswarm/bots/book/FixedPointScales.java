package io.strikeswarm.bots.book;

import java.math.BigDecimal;

/**
 * The decimal places of one instrument's prices and quantities: a price {@code p} with price scale {@code s} is held
 * as the long {@code p × 10^s}. Both come from the data (Binance pads every value to the instrument's precision),
 * so two instruments may differ.
 */
public record FixedPointScales(int price, int quantity) {

  public FixedPointScales {
    if (price < 0 || price > ScaledDecimal.MAX_SCALE || quantity < 0 || quantity > ScaledDecimal.MAX_SCALE) {
      throw new IllegalArgumentException("scales must be 0.." + ScaledDecimal.MAX_SCALE);
    }
  }

  public BigDecimal price(long scaled) {
    return BigDecimal.valueOf(scaled, price);
  }

  public BigDecimal quantity(long scaled) {
    return BigDecimal.valueOf(scaled, quantity);
  }

  /** The scaled price of a decimal value; throws if the value has more decimals than the scale holds. */
  public long scaledPrice(BigDecimal value) {
    return value.movePointRight(price).longValueExact();
  }

  public long scaledQuantity(BigDecimal value) {
    return value.movePointRight(quantity).longValueExact();
  }
}
