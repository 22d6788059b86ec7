package io.strikeswarm.bots.book;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Throughput of the order-book pipeline on recorded captures. Each run times, on the same files:
 *
 * <ul>
 *   <li>the full replay from the compressed files: decompression, line splitting, JSON decoding, sequencing, book
 *       upkeep and the bookTicker check (the headline figure);
 *   <li>the same replay from the decompressed bytes in memory;
 *   <li>decompression alone, decoding alone (no book), and book upkeep alone (sequencing and applying messages
 *       decoded beforehand), to show where the time goes.
 * </ul>
 *
 * A few unmeasured warm-up runs first let the JIT compile the hot paths. Usage:
 * {@code BookReplayBench [--runs N] [--warmups N] capture.gz...}
 */
public final class BookReplayBench {
  public static final int DEFAULT_WARMUPS = 3;

  private BookReplayBench() {}

  /** Medians over the measured runs, and the report of the last full replay. */
  public record Result(
      ReplayReport report,
      int warmups,
      int runs,
      double eventsPerSecond,
      double messagesPerSecond,
      double inMemoryEventsPerSecond,
      double inMemoryMessagesPerSecond,
      Duration decompression,
      Duration decodingOnly,
      Duration bookOnly) {

    public String describe() {
      return String.format(
          "median of %d runs after %d warm-up runs:%n"
              + "  from .gz files   %,12.0f data points/s  %,10.0f messages/s%n"
              + "  from memory      %,12.0f data points/s  %,10.0f messages/s%n"
              + "  alone: decompression %.3f s, decoding (no book) %.3f s, book upkeep (decoded beforehand) %.3f s%n"
              + "last run: %s",
          runs, warmups, eventsPerSecond, messagesPerSecond, inMemoryEventsPerSecond, inMemoryMessagesPerSecond,
          decompression.toNanos() / 1e9, decodingOnly.toNanos() / 1e9, bookOnly.toNanos() / 1e9,
          report.describe());
    }
  }

  public static Result run(List<Path> files, int runs) throws IOException {
    return run(files, DEFAULT_WARMUPS, runs);
  }

  public static Result run(List<Path> files, int warmups, int runs) throws IOException {
    if (files.isEmpty()) throw new IllegalArgumentException("no capture files");
    if (runs < 1) throw new IllegalArgumentException("runs must be >= 1");
    if (warmups < 0) throw new IllegalArgumentException("warmups must be >= 0");
    FixedPointScales scales = CaptureScales.detect(files.get(0)).orElseThrow(
        () -> new IllegalArgumentException("no depth level in " + files.get(0) + " to take the scales from"));
    for (int i = 0; i < warmups; i++) runOnce(files, scales);
    List<Run> measured = new ArrayList<>();
    for (int i = 0; i < runs; i++) measured.add(runOnce(files, scales));
    ReplayReport last = measured.get(measured.size() - 1).fromFiles();
    return new Result(last, warmups, runs,
        median(measured, r -> r.fromFiles().eventsPerSecond()),
        median(measured, r -> r.fromFiles().messagesPerSecond()),
        median(measured, r -> r.inMemory().eventsPerSecond()),
        median(measured, r -> r.inMemory().messagesPerSecond()),
        Duration.ofNanos((long) median(measured, r -> r.decompression().toNanos())),
        Duration.ofNanos((long) median(measured, r -> r.decodingOnly().toNanos())),
        Duration.ofNanos((long) median(measured, r -> r.bookOnly().toNanos())));
  }

  private record Run(ReplayReport fromFiles, ReplayReport inMemory, Duration decompression, Duration decodingOnly,
      Duration bookOnly) {}

  private static Run runOnce(List<Path> files, FixedPointScales scales) throws IOException {
    ReplayReport fromFiles = CaptureReplay.replay(files, scales);
    long start = System.nanoTime();
    List<byte[]> decompressed = new ArrayList<>();
    for (Path file : files) decompressed.add(CaptureFiles.readAll(file));
    Duration decompression = Duration.ofNanos(System.nanoTime() - start);
    ReplayReport inMemory = CaptureReplay.replayInMemory(decompressed, scales);
    List<MarketMessage> messages = new ArrayList<>();
    Duration decodingOnly = decodingOnly(decompressed, scales, messages);
    return new Run(fromFiles, inMemory, decompression, decodingOnly, bookOnly(messages, scales));
  }

  /** Times decoding every line; the messages are kept (outside the timing's hot loop) for {@link #bookOnly}. */
  private static Duration decodingOnly(List<byte[]> captures, FixedPointScales scales, List<MarketMessage> decoded) {
    CaptureLineDecoder decoder = new CaptureLineDecoder(new BinanceMessageDecoder(scales));
    long start = System.nanoTime();
    for (byte[] capture : captures) {
      LineSplitter.forEachLine(capture, (buffer, offset, length) -> {
        if (decoder.decode(buffer, offset, length) instanceof MarketMessage message) decoded.add(message);
      });
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Times the synchroniser and book on messages already decoded: sequence checks and level updates only. */
  private static Duration bookOnly(List<MarketMessage> messages, FixedPointScales scales) {
    BinanceDepthSync sync = new BinanceDepthSync(scales, 1_000);
    long start = System.nanoTime();
    for (MarketMessage message : messages) {
      if (message instanceof DepthDiff diff) sync.onDiff(diff);
      else if (message instanceof DepthSnapshot snapshot) sync.onSnapshot(snapshot);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // Read back so the JIT cannot drop the work as dead code.
    if (sync.counters().diffsApplied() < 0) throw new AssertionError("unreachable");
    return elapsed;
  }

  private static <T> double median(List<T> runs, ToDoubleFunction<T> measure) {
    double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  public static void main(String[] args) throws IOException {
    int runs = 5;
    int warmups = DEFAULT_WARMUPS;
    List<Path> files = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--warmups" -> warmups = Integer.parseInt(args[++i]);
          default -> files.add(Path.of(args[i]));
        }
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException badArgument) {
      files.clear();
    }
    if (files.isEmpty() || runs < 1 || warmups < 0) {
      System.err.println("usage: BookReplayBench [--runs N>=1] [--warmups N>=0] capture.gz... (fed in order as one"
          + " capture)");
      System.exit(2);
    }
    System.out.println("files: " + files);
    System.out.println(run(files, warmups, runs).describe());
  }
}
