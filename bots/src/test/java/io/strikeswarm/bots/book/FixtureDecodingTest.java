package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The fast decoder on every line of the real Binance capture fixture, against {@link ReferenceDecoding}. */
class FixtureDecodingTest {

  @Test
  void everyFixtureLineDecodesToWhatTheReferenceDecodingReads() throws IOException {
    Path fixture = SharedCaptures.require(SharedCaptures.FIXTURE);
    FixedPointScales scales = CaptureScales.detect(fixture).orElseThrow();
    CaptureLineDecoder decoder = new CaptureLineDecoder(new BinanceMessageDecoder(scales));
    ReferenceDecoding reference = new ReferenceDecoding(scales);
    SoftAssertions softly = new SoftAssertions();
    int lines = 0;

    try (BufferedReader in = new BufferedReader(new InputStreamReader(CaptureFiles.open(fixture),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Optional<MarketMessage> expected = reference.decode(line);
        softly.assertThat(expected).as("line %d is a message the reference knows", lines).isPresent();
        softly.assertThat(decoder.decode(bytes, 0, bytes.length)).as("line %d", lines)
            .isEqualTo(expected.orElse(null));
      }
    }

    softly.assertAll();
    assertThat(lines).isGreaterThan(1_000);
  }

  @Test
  void theFixturesScalesAreBinancesEightDecimals() throws IOException {
    Path fixture = SharedCaptures.require(SharedCaptures.FIXTURE);

    assertThat(CaptureScales.detect(fixture)).contains(new FixedPointScales(8, 8));
  }
}
