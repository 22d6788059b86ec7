package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The decoder on messages written here, in Binance's shapes; the real captures are {@link FixtureDecodingTest}. */
class BinanceMessageDecoderTest {
  private static final FixedPointScales SCALES = new FixedPointScales(2, 8);

  private final BinanceMessageDecoder decoder = new BinanceMessageDecoder(SCALES);
  private final CaptureLineDecoder lines = new CaptureLineDecoder(decoder);

  private DecodedLine decode(String json) {
    byte[] bytes = ("ignored-prefix" + json + "ignored-suffix").getBytes(StandardCharsets.UTF_8);
    return decoder.decode(bytes, "ignored-prefix".length(), json.getBytes(StandardCharsets.UTF_8).length);
  }

  private static Levels levels(long... pricesThenQuantities) {
    int n = pricesThenQuantities.length / 2;
    long[] prices = new long[n];
    long[] quantities = new long[n];
    for (int i = 0; i < n; i++) {
      prices[i] = pricesThenQuantities[2 * i];
      quantities[i] = pricesThenQuantities[2 * i + 1];
    }
    return Levels.of(prices, quantities);
  }

  @Test
  void aDepthDiffKeepsItsIdsTimeAndLevelsInOrder() {
    DecodedLine decoded = decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
        + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,"
        + "\"b\":[[\"61737.63\",\"0.00000000\"],[\"61730.17000000\",\"1.5\"]],\"a\":[[\"61837.64000000\",\"2\"]]}}");

    assertThat(decoded).isEqualTo(new DepthDiff(1723161255208L, 50093239189L, 50093239202L,
        levels(6173763, 0, 6173017, 150_000_000), levels(6183764, 200_000_000)));
  }

  @Test
  void aSnapshotIsRecognisedByItsLastUpdateId() {
    DecodedLine decoded = decode("{\"lastUpdateId\":77,\"bids\":[[\"10.00\",\"1\"]],\"asks\":[]}");

    assertThat(decoded).isEqualTo(new DepthSnapshot(77, levels(1000, 100_000_000), Levels.NONE));
  }

  @Test
  void aTradeAndABookTickerAreReadFromTheirStreams() {
    DecodedLine trade = decode("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":20,\"s\":\"BTCUSDT\","
        + "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":19,\"m\":true,\"M\":true}}");
    DecodedLine ticker = decode("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\","
        + "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}");

    assertThat(trade).isEqualTo(new Trade(3735683259L, 19, 20, 6183763, 2_000_000, true));
    assertThat(ticker).isEqualTo(new BookTicker(50093239212L, 6183763, 378_826_000, 6183764, 154_698_000));
  }

  @Test
  void fieldOrderDoesNotMatterAndUnknownFieldsAreSkipped() {
    DecodedLine decoded = decode("{\"data\":{\"a\":[],\"x\":{\"nested\":[1,{\"b\":2}]},\"u\":9,\"b\":[],\"U\":5,"
        + "\"E\":1},\"extra\":[true],\"stream\":\"ethusdt@depth\"}");

    assertThat(decoded).isEqualTo(new DepthDiff(1, 5, 9, Levels.NONE, Levels.NONE));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      truncated               | {"stream":"btcusdt@trade","data":{"t":1                        | MALFORMED_JSON
      not JSON                | hello                                                          | MALFORMED_JSON
      two values              | {"lastUpdateId":1,"bids":[],"asks":[]} {}                      | MALFORMED_JSON
      not an object           | [1,2,3]                                                        | UNKNOWN_MESSAGE
      an object of nothing    | {"result":null,"id":1}                                         | UNKNOWN_MESSAGE
      an unknown stream       | {"stream":"btcusdt@kline_1m","data":{"k":{}}}                  | UNKNOWN_STREAM
      a stream without data   | {"stream":"btcusdt@trade"}                                     | MISSING_FIELD
      a diff without U        | {"stream":"x@depth","data":{"E":1,"u":2,"b":[],"a":[]}}        | MISSING_FIELD
      a snapshot without asks | {"lastUpdateId":1,"bids":[]}                                   | MISSING_FIELD
      a negative price        | {"lastUpdateId":1,"bids":[["-1.00","1"]],"asks":[]}            | BAD_NUMBER
      a NaN price             | {"lastUpdateId":1,"bids":[["NaN","1"]],"asks":[]}              | BAD_NUMBER
      a zero price            | {"lastUpdateId":1,"bids":[["0.00","1"]],"asks":[]}             | BAD_NUMBER
      a negative quantity     | {"lastUpdateId":1,"bids":[["1.00","-1"]],"asks":[]}            | BAD_NUMBER
      a price finer than tick | {"lastUpdateId":1,"bids":[["1.001","1"]],"asks":[]}            | BAD_NUMBER
      a negative id           | {"lastUpdateId":-1,"bids":[],"asks":[]}                        | BAD_NUMBER
      an id beyond a long     | {"lastUpdateId":99999999999999999999,"bids":[],"asks":[]}      | BAD_NUMBER
      a level of three        | {"lastUpdateId":1,"bids":[["1.00","1","x"]],"asks":[]}         | BAD_SHAPE
      a level not an array    | {"lastUpdateId":1,"bids":["1.00"],"asks":[]}                   | BAD_SHAPE
      a boolean price         | {"lastUpdateId":1,"bids":[[true,"1"]],"asks":[]}               | BAD_SHAPE
      an id as a string       | {"lastUpdateId":"1","bids":[],"asks":[]}                       | BAD_SHAPE
      U after u               | {"stream":"x@depth","data":{"E":1,"U":9,"u":2,"b":[],"a":[]}}  | BAD_UPDATE_IDS
      """)
  void aDefectiveMessageIsRejectedWithItsReasonNotThrown(String what, String json, RejectReason reason) {
    DecodedLine decoded = decode(json);

    assertThat(decoded).isInstanceOfSatisfying(RejectedLine.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
  }

  @Test
  void theDecoderRecoversAfterARejectedMessage() {
    decode("{\"lastUpdateId\":1,\"bids\":[[\"1.00\",\"1\"],[\"NaN\",\"1\"]],\"asks\":[]}");

    DecodedLine next = decode("{\"lastUpdateId\":2,\"bids\":[[\"3.00\",\"1\"]],\"asks\":[]}");

    assertThat(next).isEqualTo(new DepthSnapshot(2, levels(300, 100_000_000), Levels.NONE));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"lastUpdateId":1,"bids":[],"asks":[]}
      abc {"lastUpdateId":1,"bids":[],"asks":[]}
      123{"lastUpdateId":1,"bids":[],"asks":[]}
      '123 '
      ''
      """)
  void aCaptureLineNeedsItsRecorderTimestampAndAJsonMessage(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

    DecodedLine decoded = lines.decode(bytes, 0, bytes.length);

    assertThat(decoded).isInstanceOf(RejectedLine.class);
  }

  @Test
  void aCaptureLineIsItsRecorderTimestampThenTheMessage() {
    byte[] bytes = "1723161254206652067 {\"lastUpdateId\":5,\"bids\":[],\"asks\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThat(lines.decode(bytes, 0, bytes.length)).isEqualTo(new DepthSnapshot(5, Levels.NONE, Levels.NONE));
  }
}
