package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whole captures replayed: ones written here from a generated market, with junk lines among the messages, and the
 * real Binance captures of the shared data root.
 */
class CaptureReplayTest {
  private static final List<String> JUNK = List.of(
      "",
      "1723161254000000000 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"U\":1,",
      "1723161254000000000 {\"stream\":\"btcusdt@kline_1m\",\"data\":{}}",
      "1723161254000000000 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"t\":1,\"p\":\"NaN\","
          + "\"q\":\"1\",\"T\":1,\"m\":true}}",
      "1723161254000000000 {\"lastUpdateId\":5,\"bids\":[[\"-60000.00\",\"1\"]],\"asks\":[]}",
      "no timestamp here");

  /** A capture written from a generated market, and what replaying it must find. */
  record Capture(List<String> lines, Map<MessageKind, Long> messages, long dataPoints, long junk,
      long comparableTickers, ReferenceBook finalBook) {}

  @Provide
  Arbitrary<Capture> captures() {
    return GeneratedMarket.markets(80).flatMap(market -> Combinators.combine(
        Arbitraries.integers().between(0, market.diffs().size()),
        Arbitraries.longs().between(market.initialUpdateId(), market.lastUpdateId()),
        Arbitraries.of(true, false).list().ofSize(market.diffs().size()),
        Arbitraries.integers().between(0, JUNK.size() - 1).list().ofMaxSize(10)
    ).as((before, snapshotId, tickerFirst, junk) -> write(market, before, snapshotId, tickerFirst, junk)));
  }

  /**
   * The diffs in order with the snapshot among them, each diff with a bookTicker at its final id (the market's top
   * there) just before or after it and a trade, and junk lines spread through.
   */
  private static Capture write(GeneratedMarket market, int diffsBeforeSnapshot, long snapshotId,
      List<Boolean> tickerFirst, List<Integer> junk) {
    CaptureText text = new CaptureText(GeneratedMarket.SCALES);
    List<String> lines = new ArrayList<>();
    Map<MessageKind, Long> messages = new HashMap<>();
    long[] dataPoints = {0};
    long comparableTickers = 0;
    java.util.function.Consumer<MarketMessage> write = message -> {
      lines.add(text.line(message));
      messages.merge(MessageKind.of(message), 1L, Long::sum);
      dataPoints[0] += message.dataPoints();
    };
    List<DepthDiff> diffs = market.diffs();
    for (int i = 0; i <= diffs.size(); i++) {
      if (i == diffsBeforeSnapshot) write.accept(market.snapshotAt(snapshotId));
      if (i == diffs.size()) break;
      DepthDiff diff = diffs.get(i);
      ReferenceBook top = market.stateAt(diff.finalUpdateId());
      boolean twoSided = !top.side(BookSide.BID).isEmpty() && !top.side(BookSide.ASK).isEmpty();
      BookTicker ticker = twoSided ? new BookTicker(diff.finalUpdateId(),
          top.side(BookSide.BID).firstKey(), top.side(BookSide.BID).firstEntry().getValue(),
          top.side(BookSide.ASK).firstKey(), top.side(BookSide.ASK).firstEntry().getValue()) : null;
      if (ticker != null && tickerFirst.get(i)) write.accept(ticker);
      write.accept(diff);
      if (ticker != null && !tickerFirst.get(i)) write.accept(ticker);
      write.accept(new Trade(i, diff.eventTimeMs(), diff.eventTimeMs() + 1, 6_000_000 + i, 1_000 + i, i % 2 == 0));
      // Only diffs the book applies as they arrive give the book's state at a ticker's id.
      if (ticker != null && i >= diffsBeforeSnapshot && diff.finalUpdateId() > snapshotId) comparableTickers++;
    }
    for (int j = 0; j < junk.size(); j++) {
      lines.add((j * 7919) % (lines.size() + 1), JUNK.get(junk.get(j)));
    }
    return new Capture(lines, messages, dataPoints[0], junk.size(), comparableTickers,
        market.stateAt(market.lastUpdateId()));
  }

  @Property(tries = 200)
  void aReplayCountsEveryLineRebuildsTheMarketsBookAndAgreesWithItsTickers(@ForAll("captures") Capture capture) {
    ReplayReport report = CaptureReplay.replayInMemory(List.of(CaptureText.bytes(capture.lines())),
        GeneratedMarket.SCALES);

    assertThat(report.lines()).isEqualTo(capture.lines().size());
    assertThat(report.rejectCount()).isEqualTo(capture.junk());
    for (MessageKind kind : MessageKind.values()) {
      assertThat(report.messages(kind)).as("%s messages", kind).isEqualTo(capture.messages().getOrDefault(kind, 0L));
    }
    assertThat(report.dataPoints()).isEqualTo(capture.dataPoints());
    assertThat(report.gapCount()).isZero();
    assertThat(report.sync().state()).isEqualTo(SyncState.LIVE);
    assertThat(report.crossedAtEnd()).isFalse();
    assertThat(report.diffsLeavingBookCrossed()).isZero();
    assertThat(report.tickers().compared()).isEqualTo(capture.comparableTickers());
    assertThat(report.tickers().disagreed()).isZero();
    ReferenceBook expected = capture.finalBook();
    if (expected.side(BookSide.BID).isEmpty() || expected.side(BookSide.ASK).isEmpty()) {
      assertThat(report.finalTop()).isEmpty();
    } else {
      TopOfBook top = report.finalTop().orElseThrow();
      assertThat(GeneratedMarket.SCALES.scaledPrice(top.bidPrice())).isEqualTo(expected.side(BookSide.BID).firstKey());
      assertThat(GeneratedMarket.SCALES.scaledPrice(top.askPrice())).isEqualTo(expected.side(BookSide.ASK).firstKey());
    }
  }

  @Property(tries = 30)
  void aCaptureSplitIntoSeveralFilesReplaysAsOne(@ForAll("captures") Capture capture,
      @ForAll("fractions") double splitAt) throws IOException {
    List<String> lines = capture.lines();
    int split = (int) (lines.size() * splitAt);
    Path first = Files.createTempFile("capture-part1", ".gz");
    Path second = Files.createTempFile("capture-part2", ".gz");
    try {
      CaptureText.writeGzip(first, lines.subList(0, split));
      CaptureText.writeGzip(second, lines.subList(split, lines.size()));

      ReplayReport fromFiles = CaptureReplay.replay(List.of(first, second), GeneratedMarket.SCALES);
      ReplayReport whole = CaptureReplay.replayInMemory(List.of(CaptureText.bytes(lines)), GeneratedMarket.SCALES);

      assertThat(fromFiles).usingRecursiveComparison().ignoringFields("elapsed").isEqualTo(whole);
    } finally {
      Files.deleteIfExists(first);
      Files.deleteIfExists(second);
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Test
  void theRealFixtureReplaysWithoutGapUncrossedAndAgreesWithEveryComparableTicker() throws IOException {
    Path fixture = SharedCaptures.require(SharedCaptures.FIXTURE);

    ReplayReport report = CaptureReplay.replay(List.of(fixture));

    assertRealCaptureReplayedCleanly(report, List.of(fixture));
  }

  @Test
  void theRealBenchmarkCaptureReplaysAsOneWithoutGapUncrossedAndAgreesWithEveryComparableTicker()
      throws IOException {
    List<Path> days = List.of(SharedCaptures.require(SharedCaptures.BENCHMARK_DAY_1),
        SharedCaptures.require(SharedCaptures.BENCHMARK_DAY_2));

    ReplayReport report = CaptureReplay.replay(days);

    assertRealCaptureReplayedCleanly(report, days);
  }

  private static void assertRealCaptureReplayedCleanly(ReplayReport report, List<Path> files) throws IOException {
    LastTicker lastTicker = new LastTicker();
    Map<MessageKind, Long> streams = countStreams(files, lastTicker);
    assertThat(report.lines()).isEqualTo(streams.values().stream().mapToLong(Long::longValue).sum());
    for (MessageKind kind : MessageKind.values()) {
      assertThat(report.messages(kind)).as("%s messages", kind).isEqualTo(streams.getOrDefault(kind, 0L));
    }
    assertThat(report.rejectCount()).isZero();
    assertThat(report.sync().snapshotsApplied()).isEqualTo(1);
    assertThat(report.gapCount()).isZero();
    assertThat(report.sync().state()).isEqualTo(SyncState.LIVE);
    assertThat(report.crossedAtEnd()).isFalse();
    assertThat(report.diffsLeavingBookCrossed()).isZero();
    // Where a ticker and a diff end at the same update id they describe the same book: equal, prices and quantities.
    assertThat(report.tickers().compared()).isPositive();
    assertThat(report.tickers().firstDisagreements()).isEmpty();
    // The last ticker may be up to one diff interval (100 ms) later than the book's last diff; BTCUSDT moves far
    // less than 0.1 % in that time, so both best prices must be that close to it.
    TopOfBook top = report.finalTop().orElseThrow();
    assertThat(top.bidPrice()).isLessThan(top.askPrice());
    BigDecimal tolerance = lastTicker.bid.multiply(new BigDecimal("0.001"));
    assertThat(top.bidPrice()).isCloseTo(lastTicker.bid, org.assertj.core.data.Offset.offset(tolerance));
    assertThat(top.askPrice()).isCloseTo(lastTicker.ask, org.assertj.core.data.Offset.offset(tolerance));
  }

  private static final class LastTicker {
    BigDecimal bid;
    BigDecimal ask;
  }

  /** Lines per stream counted from the raw text, independently of the decoder; the last bookTicker's prices. */
  private static Map<MessageKind, Long> countStreams(List<Path> files, LastTicker lastTicker) throws IOException {
    Map<MessageKind, Long> counts = new HashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Path file : files) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(CaptureFiles.open(file),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          MessageKind kind = line.contains("\"lastUpdateId\"") ? MessageKind.DEPTH_SNAPSHOT
              : line.contains("@depth") ? MessageKind.DEPTH_DIFF
              : line.contains("@trade\"") ? MessageKind.TRADE
              : line.contains("@bookTicker\"") ? MessageKind.BOOK_TICKER : null;
          if (kind != null) counts.merge(kind, 1L, Long::sum);
          if (kind == MessageKind.BOOK_TICKER) {
            var data = json.readTree(line.substring(line.indexOf(' ') + 1)).get("data");
            lastTicker.bid = new BigDecimal(data.get("b").asText());
            lastTicker.ask = new BigDecimal(data.get("a").asText());
          }
        }
      }
    }
    return counts;
  }
}
