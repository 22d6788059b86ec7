package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One OHLCV bar of one instrument; {@code timeMs} is the bar's end in epoch milliseconds (market time — bots
 * never read the wall clock).
 */
public record Bar(
    String instrument,
    long timeMs,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    BigDecimal volume)
    implements CborSerializable {

  public Bar {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(volume, "volume");
  }

  public static Bar of(String instrument, long timeMs, String open, String high, String low, String close,
      String volume) {
    return new Bar(instrument, timeMs, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
        new BigDecimal(close), new BigDecimal(volume));
  }

  /** Why this bar cannot be traded on, if it cannot. */
  public Optional<String> defect() {
    if (instrument.isBlank()) return Optional.of("instrument is blank");
    if (open.signum() <= 0 || high.signum() <= 0 || low.signum() <= 0 || close.signum() <= 0) {
      return Optional.of("prices must be > 0");
    }
    if (volume.signum() < 0) return Optional.of("volume must be >= 0");
    if (high.compareTo(low) < 0) return Optional.of("high < low");
    if (open.compareTo(high) > 0 || open.compareTo(low) < 0) return Optional.of("open outside [low, high]");
    if (close.compareTo(high) > 0 || close.compareTo(low) < 0) return Optional.of("close outside [low, high]");
    return Optional.empty();
  }
}
