package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
  @TempDir Path dir;

  private static final List<String> LINES = List.of(
      "1 {\"stream\":\"btcusdt@trade\",\"data\":{\"p\":\"1.5\"}}",
      "2 {\"lastUpdateId\":7,\"bids\":[[\"61837.630\",\"0.00100\"]],\"asks\":[]}");

  @Test
  void gzipIsRecognisedByItsContentNotItsName() throws IOException {
    Path gzipNamedPlain = CaptureText.writeGzip(dir.resolve("capture.txt"), LINES);
    Path plainNamedGzip = Files.write(dir.resolve("capture.gz"), CaptureText.bytes(LINES));

    assertThat(new String(CaptureFiles.readAll(gzipNamedPlain), StandardCharsets.UTF_8))
        .isEqualTo(new String(CaptureFiles.readAll(plainNamedGzip), StandardCharsets.UTF_8))
        .startsWith(LINES.get(0));
  }

  @Test
  void theScalesAreTheDecimalsOfTheFirstDepthLevelsPriceAndQuantity() throws IOException {
    Path capture = CaptureText.writeGzip(dir.resolve("capture.gz"), LINES);

    assertThat(CaptureScales.detect(capture)).contains(new FixedPointScales(3, 5));
  }

  @Test
  void aCaptureWithoutDepthLevelsHasNoScales() throws IOException {
    Path capture = CaptureText.writeGzip(dir.resolve("capture.gz"), List.of(LINES.get(0), "not json {"));

    assertThat(CaptureScales.detect(capture)).isEmpty();
  }
}
