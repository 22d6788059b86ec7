package io.strikeswarm.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The API's JSON. Money and quantities are written as decimal strings ("1234.50000000"), and so are token amounts
 * in smallest units and wei ("2500000000000000000"): exact, never rounded through a binary double on the way to a
 * client (a JavaScript number is exact only up to 2^53). Reading is strict: duplicate keys, trailing tokens,
 * NaN/Infinity literals and oversized numbers are parse errors.
 */
public final class ApiJson {
  private ApiJson() {}

  public static final ObjectMapper MAPPER = create();

  private static ObjectMapper create() {
    SimpleModule money = new SimpleModule("money");
    money.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
      @Override
      public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toPlainString());
      }
    });
    money.addSerializer(BigInteger.class, new StdSerializer<>(BigInteger.class) {
      @Override
      public void serialize(BigInteger value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toString());
      }
    });
    JsonMapper mapper = JsonMapper.builder()
        .addModule(money)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNumberLength(64).maxNestingDepth(32).maxStringLength(16_384).build());
    return mapper;
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
