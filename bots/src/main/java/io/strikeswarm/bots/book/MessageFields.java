package io.strikeswarm.bots.book;

/**
 * The fields of one message as the decoder meets them, in whatever order they come; {@link #toMessage()} then decides
 * what the message is and whether it is complete. Reused from message to message, so reading allocates nothing but
 * the finished message.
 */
final class MessageFields {
  static final int STREAM = 1;
  static final int DATA = 1 << 1;
  static final int EVENT_TIME = 1 << 2;
  static final int FIRST_UPDATE_ID = 1 << 3;
  static final int FINAL_UPDATE_ID = 1 << 4;
  static final int BID_LEVELS = 1 << 5;
  static final int ASK_LEVELS = 1 << 6;
  static final int BID_PRICE = 1 << 7;
  static final int BID_QUANTITY = 1 << 8;
  static final int ASK_PRICE = 1 << 9;
  static final int ASK_QUANTITY = 1 << 10;
  static final int TRADE_ID = 1 << 11;
  static final int TRADE_TIME = 1 << 12;
  static final int PRICE = 1 << 13;
  static final int QUANTITY = 1 << 14;
  static final int BUYER_IS_MAKER = 1 << 15;
  static final int LAST_UPDATE_ID = 1 << 16;

  enum StreamKind { DEPTH_DIFF, TRADE, BOOK_TICKER, UNKNOWN }

  private int present;
  StreamKind stream;
  String unknownStream;
  long eventTime;
  long firstUpdateId;
  long finalUpdateId;
  long lastUpdateId;
  long bidPrice;
  long bidQuantity;
  long askPrice;
  long askQuantity;
  long tradeId;
  long tradeTime;
  long price;
  long quantity;
  boolean buyerIsMaker;
  final Levels.Builder bids = new Levels.Builder();
  final Levels.Builder asks = new Levels.Builder();

  void reset() {
    present = 0;
    stream = null;
    unknownStream = null;
    bids.clear();
    asks.clear();
  }

  void mark(int field) {
    present |= field;
  }

  MarketMessage toMessage() throws LineRejected {
    if (has(STREAM)) {
      if (stream != StreamKind.UNKNOWN) require(DATA, "data");
      return switch (stream) {
        case DEPTH_DIFF -> depthDiff();
        case TRADE -> trade();
        case BOOK_TICKER -> bookTicker();
        case UNKNOWN -> throw new LineRejected(RejectReason.UNKNOWN_STREAM, unknownStream);
      };
    }
    if (has(LAST_UPDATE_ID)) {
      require(BID_LEVELS, "bids");
      require(ASK_LEVELS, "asks");
      return new DepthSnapshot(lastUpdateId, bids.build(), asks.build());
    }
    throw new LineRejected(RejectReason.UNKNOWN_MESSAGE, "neither a stream message nor a depth snapshot");
  }

  private DepthDiff depthDiff() throws LineRejected {
    require(EVENT_TIME, "E");
    require(FIRST_UPDATE_ID, "U");
    require(FINAL_UPDATE_ID, "u");
    require(BID_LEVELS, "b");
    require(ASK_LEVELS, "a");
    if (firstUpdateId > finalUpdateId) {
      throw new LineRejected(RejectReason.BAD_UPDATE_IDS, "U " + firstUpdateId + " > u " + finalUpdateId);
    }
    return new DepthDiff(eventTime, firstUpdateId, finalUpdateId, bids.build(), asks.build());
  }

  private Trade trade() throws LineRejected {
    require(TRADE_ID, "t");
    require(TRADE_TIME, "T");
    require(PRICE, "p");
    require(QUANTITY, "q");
    require(BUYER_IS_MAKER, "m");
    // Only the websocket stream stamps an event time; a trade without one happened when it traded.
    return new Trade(tradeId, tradeTime, has(EVENT_TIME) ? eventTime : tradeTime, price, quantity, buyerIsMaker);
  }

  private BookTicker bookTicker() throws LineRejected {
    require(FINAL_UPDATE_ID, "u");
    require(BID_PRICE, "b");
    require(BID_QUANTITY, "B");
    require(ASK_PRICE, "a");
    require(ASK_QUANTITY, "A");
    return new BookTicker(finalUpdateId, bidPrice, bidQuantity, askPrice, askQuantity);
  }

  private boolean has(int field) {
    return (present & field) != 0;
  }

  private void require(int field, String name) throws LineRejected {
    if (!has(field)) throw new LineRejected(RejectReason.MISSING_FIELD, name);
  }
}
