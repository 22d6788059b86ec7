package io.strikeswarm.swarm.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The columns that may carry a row's time, in order of preference, and how each is read into epoch milliseconds
 * (UTC). Zone-less date-times are UTC because every exchange export we read is.
 */
enum TimeColumn {
  DATETIME("datetime") {
    @Override
    long epochMillis(String text) throws RowRejected {
      try {
        if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        // Exporters write the ISO 'T' or a space; accept both.
        String iso = text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
          return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException noOffset) {
          return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
      } catch (DateTimeParseException e) {
        throw new RowRejected(RowReasons.UNPARSABLE_TIME, "datetime = '" + text + "'");
      }
    }
  },
  OPEN_TIME_MS("open_time_ms") {
    @Override
    long epochMillis(String text) throws RowRejected {
      return Values.wholeNumber(column, text);
    }
  },
  TIMESTAMP("timestamp") {
    @Override
    long epochMillis(String text) throws RowRejected {
      // 1e11 s is the year 5138 while 1e11 ms is 1973, so the magnitude tells the unit apart for any real market data.
      long value = Values.wholeNumber(column, text);
      if (Math.abs(value) >= SECONDS_LIMIT) return value;
      return BigDecimal.valueOf(value).movePointRight(3).longValueExact();
    }
  };

  private static final long SECONDS_LIMIT = 100_000_000_000L;

  final String column;

  TimeColumn(String column) {
    this.column = column;
  }

  abstract long epochMillis(String text) throws RowRejected;

  /** The preferred time column present in {@code header}. */
  static Optional<TimeColumn> foundIn(CsvHeader header) {
    for (TimeColumn candidate : List.of(values())) {
      if (header.has(candidate.column)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
