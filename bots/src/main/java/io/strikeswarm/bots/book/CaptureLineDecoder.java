package io.strikeswarm.bots.book;

import java.util.Objects;

/**
 * Decodes a recorder line, {@code <recorder_ns> <raw JSON>}: checks the prefix and hands the JSON to a
 * {@link BinanceMessageDecoder}. The recorder's clock is dropped, since it runs behind the exchange's own event times
 * the messages carry.
 */
public final class CaptureLineDecoder {
  private final BinanceMessageDecoder messages;

  public CaptureLineDecoder(BinanceMessageDecoder messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Decodes the line in {@code bytes[offset, offset + length)}, without its line terminator. */
  public DecodedLine decode(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int digitsEnd = offset;
    while (digitsEnd < end && bytes[digitsEnd] >= '0' && bytes[digitsEnd] <= '9') digitsEnd++;
    if (digitsEnd == offset || digitsEnd == end || bytes[digitsEnd] != ' ') {
      return new RejectedLine(RejectReason.MALFORMED_LINE, "no '<recorder_ns> ' prefix");
    }
    return messages.decode(bytes, digitsEnd + 1, end - digitsEnd - 1);
  }
}
