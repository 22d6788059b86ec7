package io.strikeswarm.bots.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.util.Objects;

/**
 * Decodes Binance spot market-data JSON: combined-stream envelopes {@code {"stream":..,"data":{..}}} of diff depth,
 * trade and bookTicker, and REST depth snapshots {@code {"lastUpdateId":..,"bids":..,"asks":..}}.
 *
 * <p>Jackson's streaming parser, no tree or data binding: decimal strings are read straight from the parser's
 * character buffer into fixed-point longs. Field order is not relied upon (a message is only classified once all of
 * it is read). Never throws on its input: every defect becomes a {@link RejectedLine}. Not thread-safe: it reuses
 * its scratch fields from one message to the next.
 */
public final class BinanceMessageDecoder {
  private final JsonFactory json = new JsonFactory();
  private final FixedPointScales scales;
  private final MessageFields fields = new MessageFields();

  public BinanceMessageDecoder(FixedPointScales scales) {
    this.scales = Objects.requireNonNull(scales, "scales");
  }

  public FixedPointScales scales() {
    return scales;
  }

  /** Decodes the UTF-8 JSON message in {@code bytes[offset, offset + length)}. */
  public DecodedLine decode(byte[] bytes, int offset, int length) {
    fields.reset();
    try (JsonParser parser = json.createParser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new LineRejected(RejectReason.UNKNOWN_MESSAGE, "not a JSON object");
      }
      readRoot(parser);
      if (parser.nextToken() != null) throw new LineRejected(RejectReason.MALFORMED_JSON, "content after the message");
      return fields.toMessage();
    } catch (LineRejected rejected) {
      return rejected.line();
    } catch (JsonProcessingException malformed) {
      return new RejectedLine(RejectReason.MALFORMED_JSON, String.valueOf(malformed.getOriginalMessage()));
    } catch (IOException unreadable) {
      // Parsing a byte array does no I/O, but the parser's API declares it.
      return new RejectedLine(RejectReason.MALFORMED_JSON, String.valueOf(unreadable.getMessage()));
    }
  }

  private void readRoot(JsonParser parser) throws IOException, LineRejected {
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "stream" -> readStream(parser);
        case "data" -> readData(parser);
        case "lastUpdateId" -> {
          fields.lastUpdateId = readId(parser, name);
          fields.mark(MessageFields.LAST_UPDATE_ID);
        }
        case "bids" -> readLevels(parser, name, fields.bids, MessageFields.BID_LEVELS);
        case "asks" -> readLevels(parser, name, fields.asks, MessageFields.ASK_LEVELS);
        default -> skipValue(parser);
      }
    }
  }

  private void readData(JsonParser parser) throws IOException, LineRejected {
    if (parser.nextToken() != JsonToken.START_OBJECT) throw new LineRejected(RejectReason.BAD_SHAPE, "data");
    fields.mark(MessageFields.DATA);
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      switch (name) {
        case "E" -> {
          fields.eventTime = readId(parser, name);
          fields.mark(MessageFields.EVENT_TIME);
        }
        case "U" -> {
          fields.firstUpdateId = readId(parser, name);
          fields.mark(MessageFields.FIRST_UPDATE_ID);
        }
        case "u" -> {
          fields.finalUpdateId = readId(parser, name);
          fields.mark(MessageFields.FINAL_UPDATE_ID);
        }
        // Depth diffs carry level arrays under "b"/"a"; bookTicker carries the best prices there as strings.
        case "b" -> {
          if (parser.nextToken() == JsonToken.START_ARRAY) {
            readLevelsBody(parser, fields.bids, MessageFields.BID_LEVELS);
          } else {
            fields.bidPrice = currentPrice(parser, name);
            fields.mark(MessageFields.BID_PRICE);
          }
        }
        case "a" -> {
          if (parser.nextToken() == JsonToken.START_ARRAY) {
            readLevelsBody(parser, fields.asks, MessageFields.ASK_LEVELS);
          } else {
            fields.askPrice = currentPrice(parser, name);
            fields.mark(MessageFields.ASK_PRICE);
          }
        }
        case "B" -> {
          parser.nextToken();
          fields.bidQuantity = currentQuantity(parser, name);
          fields.mark(MessageFields.BID_QUANTITY);
        }
        case "A" -> {
          parser.nextToken();
          fields.askQuantity = currentQuantity(parser, name);
          fields.mark(MessageFields.ASK_QUANTITY);
        }
        case "t" -> {
          fields.tradeId = readId(parser, name);
          fields.mark(MessageFields.TRADE_ID);
        }
        case "T" -> {
          fields.tradeTime = readId(parser, name);
          fields.mark(MessageFields.TRADE_TIME);
        }
        case "p" -> {
          parser.nextToken();
          fields.price = currentPrice(parser, name);
          fields.mark(MessageFields.PRICE);
        }
        case "q" -> {
          parser.nextToken();
          fields.quantity = currentQuantity(parser, name);
          fields.mark(MessageFields.QUANTITY);
        }
        case "m" -> {
          JsonToken token = parser.nextToken();
          if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new LineRejected(RejectReason.BAD_SHAPE, "m");
          }
          fields.buyerIsMaker = token == JsonToken.VALUE_TRUE;
          fields.mark(MessageFields.BUYER_IS_MAKER);
        }
        default -> skipValue(parser);
      }
    }
  }

  private void readStream(JsonParser parser) throws IOException, LineRejected {
    if (parser.nextToken() != JsonToken.VALUE_STRING) throw new LineRejected(RejectReason.BAD_SHAPE, "stream");
    fields.mark(MessageFields.STREAM);
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    // "<symbol>@<kind>": the symbol is whatever the capture holds; the kind decides the decoding.
    int at = 0;
    while (at < length && text[offset + at] != '@') at++;
    int kindStart = offset + at + 1;
    int kindLength = length - at - 1;
    if (is(text, kindStart, kindLength, "depth") || is(text, kindStart, kindLength, "depth@100ms")
        || is(text, kindStart, kindLength, "depth@1000ms")) {
      fields.stream = MessageFields.StreamKind.DEPTH_DIFF;
    } else if (is(text, kindStart, kindLength, "trade")) {
      fields.stream = MessageFields.StreamKind.TRADE;
    } else if (is(text, kindStart, kindLength, "bookTicker")) {
      fields.stream = MessageFields.StreamKind.BOOK_TICKER;
    } else {
      fields.stream = MessageFields.StreamKind.UNKNOWN;
      fields.unknownStream = new String(text, offset, length);
    }
  }

  private static boolean is(char[] text, int offset, int length, String expected) {
    if (length != expected.length()) return false;
    for (int i = 0; i < length; i++) {
      if (text[offset + i] != expected.charAt(i)) return false;
    }
    return true;
  }

  private void readLevels(JsonParser parser, String name, Levels.Builder levels, int field)
      throws IOException, LineRejected {
    if (parser.nextToken() != JsonToken.START_ARRAY) throw new LineRejected(RejectReason.BAD_SHAPE, name);
    readLevelsBody(parser, levels, field);
  }

  /** Reads {@code [price, quantity]} pairs up to the end of the array whose start was just read. */
  private void readLevelsBody(JsonParser parser, Levels.Builder levels, int field) throws IOException, LineRejected {
    levels.clear();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.START_ARRAY) throw new LineRejected(RejectReason.BAD_SHAPE, "level is not an array");
      parser.nextToken();
      long price = currentPrice(parser, "level price");
      parser.nextToken();
      long quantity = currentQuantity(parser, "level quantity");
      if (parser.nextToken() != JsonToken.END_ARRAY) {
        throw new LineRejected(RejectReason.BAD_SHAPE, "level is not a [price, quantity] pair");
      }
      levels.add(price, quantity);
    }
    fields.mark(field);
  }

  private long currentPrice(JsonParser parser, String name) throws IOException, LineRejected {
    long price = currentDecimal(parser, name, scales.price());
    if (price == 0) throw new LineRejected(RejectReason.BAD_NUMBER, name + " is zero");
    return price;
  }

  private long currentQuantity(JsonParser parser, String name) throws IOException, LineRejected {
    return currentDecimal(parser, name, scales.quantity());
  }

  /** The current token, a decimal string (or bare number), as a fixed-point long. */
  private static long currentDecimal(JsonParser parser, String name, int scale) throws IOException, LineRejected {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
        && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new LineRejected(RejectReason.BAD_SHAPE, name + " is not a decimal");
    }
    long value = ScaledDecimal.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), scale);
    if (value == ScaledDecimal.INVALID) {
      throw new LineRejected(RejectReason.BAD_NUMBER, name + " '" + parser.getText() + "' at scale " + scale);
    }
    return value;
  }

  private static long readId(JsonParser parser, String name) throws IOException, LineRejected {
    if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new LineRejected(RejectReason.BAD_SHAPE, name + " is not an integer");
    }
    long value;
    try {
      value = parser.getLongValue();
    } catch (InputCoercionException tooLarge) {
      throw new LineRejected(RejectReason.BAD_NUMBER, name + " does not fit a long");
    }
    if (value < 0) throw new LineRejected(RejectReason.BAD_NUMBER, name + " is negative");
    return value;
  }

  private static void skipValue(JsonParser parser) throws IOException {
    parser.nextToken();
    parser.skipChildren();
  }
}
