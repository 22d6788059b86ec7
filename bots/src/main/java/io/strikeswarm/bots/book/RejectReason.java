package io.strikeswarm.bots.book;

/** Why a line was not turned into a market message. */
public enum RejectReason {
  /** Not {@code <recorder_ns> <json>}. */
  MALFORMED_LINE,
  /** Not parseable JSON, or more than one JSON value. */
  MALFORMED_JSON,
  /** Valid JSON, but neither a stream envelope nor a depth snapshot. */
  UNKNOWN_MESSAGE,
  /** A stream this decoder does not read. */
  UNKNOWN_STREAM,
  /** A field the message needs is absent. */
  MISSING_FIELD,
  /** A field has the wrong JSON type, or a level is not a [price, quantity] pair. */
  BAD_SHAPE,
  /** A price or quantity that is not a plain non-negative decimal within the scale, a zero price, a bad id. */
  BAD_NUMBER,
  /** A depth diff whose first update id is after its final one. */
  BAD_UPDATE_IDS
}
