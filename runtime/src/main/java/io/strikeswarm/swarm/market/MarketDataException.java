package io.strikeswarm.swarm.market;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Market data that cannot be loaded, located as precisely as the format allows so the operator can open the file at
 * the right place: a physical line for CSV (header = line 1), a bar index for JSON, or the source alone.
 */
public final class MarketDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final OptionalInt barIndex;
  private final String reason;

  private MarketDataException(String source, long line, OptionalInt barIndex, String reason, String detail) {
    super(message(source, line, barIndex, reason, detail));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.barIndex = barIndex;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** A problem on one physical line of a text file; {@code detail} (may be null) only enriches the message. */
  public static MarketDataException atLine(String source, long line, String reason, String detail) {
    if (line < 1) throw new IllegalArgumentException("line numbers start at 1, got " + line);
    return new MarketDataException(source, line, OptionalInt.empty(), reason, detail);
  }

  /** A problem with the bar at {@code index} (0-based, as in the JSON array) of a JSON source. */
  public static MarketDataException atBar(String source, int index, String reason, String detail) {
    return new MarketDataException(source, 0, OptionalInt.of(index), reason, detail);
  }

  /** A problem with a source as a whole (missing file, unknown format, conflicting options). */
  public static MarketDataException ofSource(String source, String reason) {
    return new MarketDataException(source, 0, OptionalInt.empty(), reason, null);
  }

  public String source() {
    return source;
  }

  /** 1-based physical line number in the file (header = line 1); 0 when the problem is not about a line. */
  public long line() {
    return line;
  }

  /** Index of the offending bar in a JSON source's bar array. */
  public OptionalInt barIndex() {
    return barIndex;
  }

  /** Short, stable phrase (for row problems the same phrase under which a skipped row is counted). */
  public String reason() {
    return reason;
  }

  private static String message(String source, long line, OptionalInt barIndex, String reason, String detail) {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) text.append(':').append(line);
    barIndex.ifPresent(i -> text.append(": bar ").append(i));
    text.append(": ").append(reason);
    if (detail != null && !detail.isBlank()) text.append(" (").append(detail).append(')');
    return text.toString();
  }
}
