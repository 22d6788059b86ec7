package io.strikeswarm.bots.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an instrument's fixed-point scales in its capture: Binance writes every price and quantity with the
 * instrument's full precision ({@code "61837.63000000"}), so the decimals of the first depth level seen are the
 * scales. Lines that cannot be read are passed over; the decoder will count them later.
 */
public final class CaptureScales {
  private static final int LINES_TO_SEARCH = 10_000;
  private static final JsonFactory JSON = new JsonFactory();

  private CaptureScales() {}

  public static Optional<FixedPointScales> detect(Path file) throws IOException {
    try (InputStream in = CaptureFiles.open(file)) {
      return detect(in);
    }
  }

  public static Optional<FixedPointScales> detect(InputStream capture) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(capture, StandardCharsets.UTF_8));
    String line;
    for (int read = 0; read < LINES_TO_SEARCH && (line = lines.readLine()) != null; read++) {
      int json = line.indexOf('{');
      if (json < 0) continue;
      Optional<FixedPointScales> scales = firstLevel(line.substring(json));
      if (scales.isPresent()) return scales;
    }
    return Optional.empty();
  }

  /** The scales of the first {@code [["price","quantity"], ...]} in a message. */
  private static Optional<FixedPointScales> firstLevel(String message) {
    try (JsonParser parser = JSON.createParser(message)) {
      JsonToken previous = null;
      JsonToken beforePrevious = null;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING && previous == JsonToken.START_ARRAY
            && beforePrevious == JsonToken.START_ARRAY) {
          int priceDecimals = ScaledDecimal.fractionDigits(parser.getText());
          if (parser.nextToken() != JsonToken.VALUE_STRING) return Optional.empty();
          int quantityDecimals = ScaledDecimal.fractionDigits(parser.getText());
          if (priceDecimals > ScaledDecimal.MAX_SCALE || quantityDecimals > ScaledDecimal.MAX_SCALE) {
            return Optional.empty();
          }
          return Optional.of(new FixedPointScales(priceDecimals, quantityDecimals));
        }
        beforePrevious = previous;
        previous = token;
      }
    } catch (IOException unreadable) {
      // Not a readable message; the next line may be.
    }
    return Optional.empty();
  }
}
