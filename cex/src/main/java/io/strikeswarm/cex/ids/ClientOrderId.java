package io.strikeswarm.cex.ids;

import io.strikeswarm.persistence.CborSerializable;
import java.util.Objects;

/**
 * The id we give an order before the venue sees it. {@code value} is our key for the order (journal, replies,
 * cancels); {@code venueReference} is what the venue receives as its client order id / user reference, which is the
 * same string on venues that take free-form ids and a derived UUID or integer on those that do not.
 */
public record ClientOrderId(String value, String venueReference) implements CborSerializable {
  public ClientOrderId {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(venueReference, "venueReference");
  }

  @Override
  public String toString() {
    return value.equals(venueReference) ? value : value + " (venue ref " + venueReference + ")";
  }
}
