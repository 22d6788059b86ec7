package io.strikeswarm.bots.book;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes messages as a recorder writes them: {@code <recorder_ns> <Binance JSON>}, one per line. */
final class CaptureText {
  private final FixedPointScales scales;
  private long recorderNs = 1_723_161_253_937_085_768L;

  CaptureText(FixedPointScales scales) {
    this.scales = scales;
  }

  String line(MarketMessage message) {
    recorderNs += 1_000_003;
    return recorderNs + " " + json(message);
  }

  String json(MarketMessage message) {
    if (message instanceof DepthDiff d) {
      return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + d.eventTimeMs()
          + ",\"s\":\"BTCUSDT\",\"U\":" + d.firstUpdateId() + ",\"u\":" + d.finalUpdateId()
          + ",\"b\":" + levels(d.bids()) + ",\"a\":" + levels(d.asks()) + "}}";
    }
    if (message instanceof DepthSnapshot s) {
      return "{\"lastUpdateId\":" + s.lastUpdateId() + ",\"bids\":" + levels(s.bids()) + ",\"asks\":"
          + levels(s.asks()) + "}";
    }
    if (message instanceof Trade t) {
      return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + t.eventTimeMs()
          + ",\"s\":\"BTCUSDT\",\"t\":" + t.tradeId() + ",\"p\":\"" + price(t.price()) + "\",\"q\":\""
          + quantity(t.quantity()) + "\",\"T\":" + t.tradeTimeMs() + ",\"m\":" + t.buyerIsMaker() + ",\"M\":true}}";
    }
    BookTicker b = (BookTicker) message;
    return "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":" + b.updateId() + ",\"s\":\"BTCUSDT\",\"b\":\""
        + price(b.bidPrice()) + "\",\"B\":\"" + quantity(b.bidQuantity()) + "\",\"a\":\"" + price(b.askPrice())
        + "\",\"A\":\"" + quantity(b.askQuantity()) + "\"}}";
  }

  private String levels(Levels levels) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) text.append(',');
      text.append("[\"").append(price(levels.price(i))).append("\",\"").append(quantity(levels.quantity(i)))
          .append("\"]");
    }
    return text.append(']').toString();
  }

  private String price(long scaled) {
    return scales.price(scaled).toPlainString();
  }

  private String quantity(long scaled) {
    return scales.quantity(scaled).toPlainString();
  }

  static byte[] bytes(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append('\n');
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Path writeGzip(Path file, List<String> lines) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bytes(lines));
    }
    return Files.write(file, compressed.toByteArray());
  }
}
