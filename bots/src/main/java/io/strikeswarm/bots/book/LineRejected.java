package io.strikeswarm.bots.book;

/**
 * Unwinds the decoder from deep inside a message to the single place that turns a defect into a
 * {@link RejectedLine}. Never leaves the decoder; built without a stack trace since a reject is an outcome, not a
 * fault.
 */
final class LineRejected extends Exception {
  private final RejectReason reason;

  LineRejected(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectedLine line() {
    return new RejectedLine(reason, getMessage());
  }
}
