package io.strikeswarm.swarm.market;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ta4j JSON bar format: {@code {"name": .., "ohlc": [{"endTime", "openPrice", "highPrice", "lowPrice",
 * "closePrice", "volume"}, ..]}} where {@code endTime} is the bar's last millisecond. Line numbers mean little in
 * JSON, so rows are located by their index in the {@code ohlc} array.
 */
final class JsonOhlcParser {
  // Floats are read as BigDecimal from their text and kept with their written scale: 1680.0 must stay 1680.0, not
  // become the double nearest to it, nor 1.68E+3.
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private JsonOhlcParser() {}

  static ParsedSource parse(String source, InputStream in, String instrument, Optional<Duration> bar,
      boolean skipBadRows) {
    JsonNode bars = readBarArray(source, in);
    SkipTally tally = new SkipTally(skipBadRows);
    TimeOrder order = TimeOrder.forBars();
    // Held by their exclusive end time until the period, and so the open time, is known.
    List<Candle> byEnd = new ArrayList<>();
    for (int index = 0; index < bars.size(); index++) {
      try {
        Candle candle = candle(bars.get(index));
        order.check(instrument, candle.openTimeMs());
        order.accept(instrument, candle.openTimeMs());
        byEnd.add(candle);
      } catch (RowRejected rejected) {
        int at = index;
        tally.reject(rejected, () -> MarketDataException.atBar(source, at, rejected.reason(), rejected.detail()));
      }
    }
    if (byEnd.isEmpty()) throw tally.nothingLoaded(source, bars.size());

    Duration period = Periods.inferOr(source, instrument, byEnd.stream().map(Candle::openTimeMs).toList(), bar);
    List<Candle> candles = byEnd.stream().map(c -> c.movedBy(-period.toMillis())).toList();
    return new ParsedSource(source, bars.size(), tally.counts(),
        List.of(new RawSeries(instrument, Optional.of(period), candles)));
  }

  private static JsonNode readBarArray(String source, InputStream in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      if (at != null && at.getLineNr() > 0) {
        throw MarketDataException.atLine(source, at.getLineNr(), "not valid JSON", e.getOriginalMessage());
      }
      throw MarketDataException.ofSource(source, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw MarketDataException.ofSource(source, "cannot read: " + e.getMessage());
    }
    JsonNode bars = root == null ? null : root.get("ohlc");
    if (bars == null || !bars.isArray()) {
      throw MarketDataException.ofSource(source, "expected a JSON object with an \"ohlc\" array of bars");
    }
    return bars;
  }

  private static Candle candle(JsonNode bar) throws RowRejected {
    if (!bar.isObject()) throw new RowRejected(RowReasons.NOT_AN_OBJECT, bar.getNodeType().toString());
    long endExclusive = endTime(bar.get("endTime")) + 1;
    Candle candle = new Candle(endExclusive,
        decimal(bar, "openPrice"), decimal(bar, "highPrice"), decimal(bar, "lowPrice"), decimal(bar, "closePrice"),
        decimal(bar, "volume"));
    CandleChecks.requireTradable(candle);
    return candle;
  }

  private static long endTime(JsonNode node) throws RowRejected {
    if (node == null || node.isNull()) throw new RowRejected(RowReasons.MISSING_FIELD, "endTime");
    if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
    if (node.isTextual()) return Values.wholeNumber("endTime", node.textValue().strip());
    throw new RowRejected(RowReasons.UNPARSABLE_TIME, "endTime = " + node);
  }

  private static BigDecimal decimal(JsonNode bar, String field) throws RowRejected {
    JsonNode node = bar.get(field);
    if (node == null || node.isNull()) throw new RowRejected(RowReasons.MISSING_FIELD, field);
    if (node.isNumber()) return node.decimalValue();
    // Some exporters quote numbers to protect their precision; the text is still the exact value.
    if (node.isTextual()) return Values.decimal(field, node.textValue().strip());
    throw new RowRejected(RowReasons.UNPARSABLE_NUMBER, field + " = " + node);
  }
}
