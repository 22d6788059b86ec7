package io.strikeswarm.bots.book;

import java.util.Objects;

/** A line that could not be decoded, with a short human-readable detail for logs. */
public record RejectedLine(RejectReason reason, String detail) implements DecodedLine {

  public RejectedLine {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
