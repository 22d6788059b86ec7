package io.strikeswarm.swarm.market;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV source (OHLCV bars or trades) into per-instrument candle series, validating every row. A file with a
 * {@code symbol} column may interleave several instruments; each is ordered and checked on its own.
 */
final class CsvSourceParser {
  private CsvSourceParser() {}

  static ParsedSource parse(String source, InputStream in, String defaultInstrument, Duration tradeBar,
      boolean skipBadRows) {
    List<TextLines.Line> lines = TextLines.read(source, in);
    int headerAt = firstNonBlank(lines);
    if (headerAt < 0) throw MarketDataException.ofSource(source, "empty file: no header");
    TextLines.Line headerLine = lines.get(headerAt);
    CsvHeader header = new CsvHeader(split(headerLine.text()));
    CsvRowFormat format = CsvRowFormat.forHeader(source, header, headerLine.number(), tradeBar);
    int symbolAt = header.has("symbol") ? header.indexOf("symbol") : -1;

    TimeOrder order = format.newTimeOrder();
    SkipTally tally = new SkipTally(skipBadRows);
    Map<String, List<Candle>> byInstrument = new LinkedHashMap<>();
    long rowsRead = 0;
    for (TextLines.Line line : lines.subList(headerAt + 1, lines.size())) {
      // Blank lines carry no row: trailing newlines and editor-added blank lines are not data problems.
      if (line.isBlank()) continue;
      rowsRead++;
      try {
        String[] fields = split(line.text()).toArray(String[]::new);
        if (fields.length != header.size()) {
          throw new RowRejected(RowReasons.WRONG_FIELD_COUNT,
              "expected " + header.size() + ", found " + fields.length);
        }
        String instrument = symbolAt < 0 ? defaultInstrument : fields[symbolAt];
        if (instrument.isEmpty()) throw new RowRejected(RowReasons.BLANK_SYMBOL, null);
        Candle candle = format.parse(fields);
        order.check(instrument, candle.openTimeMs());
        order.accept(instrument, candle.openTimeMs());
        byInstrument.computeIfAbsent(instrument, k -> new ArrayList<>()).add(candle);
      } catch (RowRejected rejected) {
        tally.reject(rejected,
            () -> MarketDataException.atLine(source, line.number(), rejected.reason(), rejected.detail()));
      }
    }
    if (byInstrument.isEmpty()) throw tally.nothingLoaded(source, rowsRead);

    List<RawSeries> series = new ArrayList<>();
    byInstrument.forEach((instrument, candles) -> series.add(format.series(instrument, candles)));
    return new ParsedSource(source, rowsRead, tally.counts(), series);
  }

  private static int firstNonBlank(List<TextLines.Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) return i;
    }
    return -1;
  }

  /** Plain comma split with trimmed fields: the market exports we read never quote, and a quote is then data. */
  private static List<String> split(String text) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
      fields.add(text.substring(start, comma).strip());
      start = comma + 1;
    }
    fields.add(text.substring(start).strip());
    return fields;
  }
}
