package io.strikeswarm.swarm.market;

/**
 * One row that fails validation. A checked exception so every parsing step must decide whether the load fails or the
 * row is skipped and counted; the stack trace is never wanted, so it is not filled in.
 */
final class RowRejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String detail;

  RowRejected(String reason, String detail) {
    super(reason, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  String reason() {
    return reason;
  }

  String detail() {
    return detail;
  }
}
