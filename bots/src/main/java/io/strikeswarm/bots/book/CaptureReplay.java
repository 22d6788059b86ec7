package io.strikeswarm.bots.book;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded capture, line by line in order, through the decoder, the depth synchroniser and the bookTicker
 * cross-check, counting everything on the way. Several files are one continuous capture, fed in the order given.
 * One instance replays one capture.
 */
public final class CaptureReplay implements LineConsumer {
  /** Diffs buffered while awaiting a snapshot: ~100 s of a 100 ms stream. */
  private static final int MAX_BUFFERED_DIFFS = 1_000;

  private final CaptureLineDecoder decoder;
  private final BinanceDepthSync sync;
  private final TickerCrossCheck tickers = new TickerCrossCheck();
  private final long[] messages = new long[MessageKind.values().length];
  private final long[] rejects = new long[RejectReason.values().length];
  private long lines;
  private long dataPoints;
  private long diffLevelUpdates;
  private long diffsLeavingBookCrossed;

  public CaptureReplay(FixedPointScales scales) {
    this.decoder = new CaptureLineDecoder(new BinanceMessageDecoder(scales));
    this.sync = new BinanceDepthSync(scales, MAX_BUFFERED_DIFFS);
  }

  /** Replays capture files as one capture, with the scales found in the first. */
  public static ReplayReport replay(List<Path> files) throws IOException {
    if (files.isEmpty()) throw new IllegalArgumentException("no capture files");
    FixedPointScales scales = CaptureScales.detect(files.get(0)).orElseThrow(
        () -> new IllegalArgumentException("no depth level in the first lines of " + files.get(0)
            + " to take the price and quantity scales from"));
    return replay(files, scales);
  }

  /** Replays capture files as one capture; the time includes reading and decompressing them. */
  public static ReplayReport replay(List<Path> files, FixedPointScales scales) throws IOException {
    CaptureReplay replay = new CaptureReplay(scales);
    long start = System.nanoTime();
    for (Path file : files) {
      try (InputStream in = CaptureFiles.open(file)) {
        LineSplitter.forEachLine(in, replay);
      }
    }
    return replay.report(Duration.ofNanos(System.nanoTime() - start));
  }

  /** Replays captures already decompressed in memory: the time is decoding and book upkeep alone. */
  public static ReplayReport replayInMemory(List<byte[]> captures, FixedPointScales scales) {
    CaptureReplay replay = new CaptureReplay(scales);
    long start = System.nanoTime();
    for (byte[] capture : captures) LineSplitter.forEachLine(capture, replay);
    return replay.report(Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void line(byte[] buffer, int offset, int length) {
    lines++;
    DecodedLine decoded = decoder.decode(buffer, offset, length);
    if (decoded instanceof RejectedLine rejected) {
      rejects[rejected.reason().ordinal()]++;
      return;
    }
    MarketMessage message = (MarketMessage) decoded;
    messages[MessageKind.of(message).ordinal()]++;
    dataPoints += message.dataPoints();
    if (message instanceof DepthDiff diff) {
      diffLevelUpdates += diff.dataPoints();
      if (sync.onDiff(diff) == DiffOutcome.APPLIED) {
        if (sync.book().isCrossed()) diffsLeavingBookCrossed++;
        tickers.onBookAt(diff.finalUpdateId(), sync.book());
      }
    } else if (message instanceof BookTicker ticker) {
      tickers.onTicker(ticker);
    } else if (message instanceof DepthSnapshot snapshot) {
      sync.onSnapshot(snapshot);
    }
  }

  public OrderBookView book() {
    return sync.book();
  }

  public ReplayReport report(Duration elapsed) {
    Map<MessageKind, Long> messageCounts = new EnumMap<>(MessageKind.class);
    for (MessageKind kind : MessageKind.values()) messageCounts.put(kind, messages[kind.ordinal()]);
    Map<RejectReason, Long> rejectCounts = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      if (rejects[reason.ordinal()] > 0) rejectCounts.put(reason, rejects[reason.ordinal()]);
    }
    OrderBookView book = sync.book();
    return new ReplayReport(lines, messageCounts, dataPoints, diffLevelUpdates, rejectCounts, sync.counters(),
        diffsLeavingBookCrossed, book.isCrossed(), book.top(), tickers.result(), elapsed);
  }
}
