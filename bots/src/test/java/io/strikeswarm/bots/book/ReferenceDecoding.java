package io.strikeswarm.bots.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The slow, obvious decoding the fast decoder is checked against: Jackson's tree model and BigDecimal, one capture
 * line at a time. Empty for lines it does not recognise.
 */
final class ReferenceDecoding {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FixedPointScales scales;

  ReferenceDecoding(FixedPointScales scales) {
    this.scales = scales;
  }

  Optional<MarketMessage> decode(String line) throws IOException {
    JsonNode root = JSON.readTree(line.substring(line.indexOf(' ') + 1));
    if (root.has("lastUpdateId")) {
      return Optional.of(new DepthSnapshot(root.get("lastUpdateId").asLong(), levels(root.get("bids")),
          levels(root.get("asks"))));
    }
    String stream = root.path("stream").asText();
    JsonNode data = root.get("data");
    if (stream.endsWith("@depth@100ms")) {
      return Optional.of(new DepthDiff(data.get("E").asLong(), data.get("U").asLong(), data.get("u").asLong(),
          levels(data.get("b")), levels(data.get("a"))));
    }
    if (stream.endsWith("@trade")) {
      return Optional.of(new Trade(data.get("t").asLong(), data.get("T").asLong(), data.get("E").asLong(),
          price(data.get("p")), quantity(data.get("q")), data.get("m").asBoolean()));
    }
    if (stream.endsWith("@bookTicker")) {
      return Optional.of(new BookTicker(data.get("u").asLong(), price(data.get("b")), quantity(data.get("B")),
          price(data.get("a")), quantity(data.get("A"))));
    }
    return Optional.empty();
  }

  private Levels levels(JsonNode array) {
    long[] prices = new long[array.size()];
    long[] quantities = new long[array.size()];
    for (int i = 0; i < array.size(); i++) {
      prices[i] = price(array.get(i).get(0));
      quantities[i] = quantity(array.get(i).get(1));
    }
    return Levels.of(prices, quantities);
  }

  private long price(JsonNode text) {
    return scales.scaledPrice(new BigDecimal(text.asText()));
  }

  private long quantity(JsonNode text) {
    return scales.scaledQuantity(new BigDecimal(text.asText()));
  }
}
