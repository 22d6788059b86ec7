package io.strikeswarm.swarm.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the rows of one CSV file become candles: OHLCV bars or individual trades. Chosen from the header alone, by
 * column name, so column order and extra columns never matter.
 */
sealed interface CsvRowFormat {

  Candle parse(String[] fields) throws RowRejected;

  TimeOrder newTimeOrder();

  /** The series this format yields from one instrument's accepted candles. */
  RawSeries series(String instrument, List<Candle> candles);

  static CsvRowFormat forHeader(String source, CsvHeader header, long headerLine, Duration tradeBar) {
    // A trade file has a price but no open; anything with an open is meant as bars, however incomplete.
    if (!header.has("open") && header.has("price")) return Trades.of(source, header, headerLine, tradeBar);
    return Ohlcv.of(source, header, headerLine);
  }

  private static MarketDataException missing(String source, long headerLine, List<String> columns, CsvHeader header) {
    return MarketDataException.atLine(source, headerLine,
        (columns.size() == 1 ? "missing required column " : "missing required columns ") + String.join(", ", columns),
        "header is: " + header.asWritten());
  }

  record Ohlcv(TimeColumn time, int timeAt, int openAt, int highAt, int lowAt, int closeAt, int volumeAt)
      implements CsvRowFormat {

    static Ohlcv of(String source, CsvHeader header, long headerLine) {
      Optional<TimeColumn> time = TimeColumn.foundIn(header);
      List<String> missing = new ArrayList<>();
      if (time.isEmpty()) missing.add("datetime|open_time_ms|timestamp");
      for (String column : List.of("open", "high", "low", "close", "volume")) {
        if (!header.has(column)) missing.add(column);
      }
      if (!missing.isEmpty()) throw missing(source, headerLine, missing, header);
      return new Ohlcv(time.get(), header.indexOf(time.get().column), header.indexOf("open"), header.indexOf("high"),
          header.indexOf("low"), header.indexOf("close"), header.indexOf("volume"));
    }

    @Override
    public Candle parse(String[] fields) throws RowRejected {
      long openTime = time.epochMillis(fields[timeAt]);
      Candle candle = new Candle(openTime,
          Values.decimal("open", fields[openAt]),
          Values.decimal("high", fields[highAt]),
          Values.decimal("low", fields[lowAt]),
          Values.decimal("close", fields[closeAt]),
          Values.decimal("volume", fields[volumeAt]));
      CandleChecks.requireTradable(candle);
      return candle;
    }

    @Override
    public TimeOrder newTimeOrder() {
      return TimeOrder.forBars();
    }

    @Override
    public RawSeries series(String instrument, List<Candle> candles) {
      return new RawSeries(instrument, Optional.empty(), candles);
    }
  }

  record Trades(int timeAt, int priceAt, int amountAt, String amountColumn, Duration bar) implements CsvRowFormat {

    static Trades of(String source, CsvHeader header, long headerLine, Duration bar) {
      Optional<String> amount = header.firstPresent("amount", "volume", "size");
      List<String> missing = new ArrayList<>();
      if (!header.has("timestamp")) missing.add("timestamp");
      if (amount.isEmpty()) missing.add("amount|volume|size");
      if (!missing.isEmpty()) throw missing(source, headerLine, missing, header);
      return new Trades(header.indexOf("timestamp"), header.indexOf("price"), header.indexOf(amount.get()),
          amount.get(), bar);
    }

    @Override
    public Candle parse(String[] fields) throws RowRejected {
      long time = TimeColumn.TIMESTAMP.epochMillis(fields[timeAt]);
      BigDecimal price = Values.decimal("price", fields[priceAt]);
      BigDecimal amount = Values.decimal(amountColumn, fields[amountAt]);
      CandleChecks.requireValidTrade(price, amount);
      return Candle.ofTrade(time, price, amount);
    }

    @Override
    public TimeOrder newTimeOrder() {
      return TimeOrder.forTrades();
    }

    @Override
    public RawSeries series(String instrument, List<Candle> trades) {
      return new RawSeries(instrument, Optional.of(bar), Buckets.aggregate(trades, bar));
    }
  }
}
