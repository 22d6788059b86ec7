package io.strikeswarm.cex.venue;

import io.strikeswarm.persistence.CborSerializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchange.currency.CurrencyPair;

/** A spot pair, written {@code BASE/COUNTER} (also accepted: {@code BASE-COUNTER}, any case). */
public record CexInstrument(String base, String counter) implements CborSerializable {
  private static final Pattern FORMAT = Pattern.compile("([A-Z0-9]{2,12})[/-]([A-Z0-9]{2,12})");

  public CexInstrument {
    if (base == null || counter == null || base.equals(counter)) {
      throw new IllegalArgumentException("an instrument needs two different currencies");
    }
  }

  /** @throws IllegalArgumentException naming the expected format */
  public static CexInstrument parse(String text) {
    if (text == null) throw new IllegalArgumentException("instrument is missing (expected BASE/COUNTER, e.g. BTC/USDT)");
    Matcher m = FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("instrument '" + text + "' is not BASE/COUNTER (e.g. BTC/USDT)");
    }
    return new CexInstrument(m.group(1), m.group(2));
  }

  public static CexInstrument of(CurrencyPair pair) {
    return new CexInstrument(pair.getBase().getCurrencyCode(), pair.getCounter().getCurrencyCode());
  }

  public CurrencyPair toCurrencyPair() {
    return new CurrencyPair(base, counter);
  }

  @Override
  public String toString() {
    return base + "/" + counter;
  }
}
