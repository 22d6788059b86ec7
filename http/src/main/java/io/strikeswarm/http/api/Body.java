package io.strikeswarm.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.strikeswarm.http.json.ApiJson;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON request body, checked field by field. Every getter throws an {@link ApiError} naming the field; unknown
 * fields are refused. Numbers may be JSON numbers or decimal strings; NaN, infinities and exponents beyond a
 * sane range never parse.
 */
public final class Body {
  private final JsonNode root;
  private final String prefix;

  private Body(JsonNode root, String prefix) {
    this.root = root;
    this.prefix = prefix;
  }

  public static Body parse(String text, Set<String> allowed) {
    if (text == null || text.isBlank()) throw ApiError.badRequest(null, "a JSON object body is required");
    JsonNode node;
    try {
      node = ApiJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(null, "malformed JSON: " + Params.clip(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) throw ApiError.badRequest(null, "the body must be a JSON object");
    return new Body(node, "").only(allowed);
  }

  /** An empty body is allowed and means no fields. */
  public static Body parseOptional(String text, Set<String> allowed) {
    if (text == null || text.isBlank()) return new Body(ApiJson.MAPPER.createObjectNode(), "");
    return parse(text, allowed);
  }

  private Body only(Set<String> allowed) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) throw ApiError.badRequest(path(Params.clip(name)), "unknown field");
    }
    return this;
  }

  public boolean has(String field) {
    return root.has(field) && !root.get(field).isNull();
  }

  public Optional<String> text(String field, int maxLength) {
    if (!has(field)) return Optional.empty();
    JsonNode v = root.get(field);
    if (!v.isTextual()) throw ApiError.badRequest(path(field), "must be a string");
    String s = v.asText();
    if (s.codePointCount(0, s.length()) > maxLength) {
      throw ApiError.badRequest(path(field), "must be at most " + maxLength + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) throw ApiError.badRequest(path(field), "must not hold control characters");
    }
    return Optional.of(s);
  }

  public Optional<BigDecimal> decimal(String field) {
    if (!has(field)) return Optional.empty();
    return Optional.of(decimalOf(root.get(field), path(field)));
  }

  public BigDecimal requiredDecimal(String field) {
    return decimal(field).orElseThrow(() -> ApiError.badRequest(path(field), "is required"));
  }

  public Body object(String field, Set<String> allowed) {
    if (!has(field)) throw ApiError.badRequest(path(field), "is required");
    JsonNode v = root.get(field);
    if (!v.isObject()) throw ApiError.badRequest(path(field), "must be an object");
    return new Body(v, path(field) + ".").only(allowed);
  }

  /** An object of string keys to scalar values (strings, numbers, booleans), as strings. */
  public Map<String, String> stringMap(String field, int maxEntries) {
    if (!has(field)) throw ApiError.badRequest(path(field), "is required");
    JsonNode v = root.get(field);
    if (!v.isObject()) throw ApiError.badRequest(path(field), "must be an object");
    if (v.size() > maxEntries) throw ApiError.badRequest(path(field), "must have at most " + maxEntries + " entries");
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = path(field) + "." + Params.clip(e.getKey());
      if (e.getKey().isEmpty() || e.getKey().length() > 64) throw ApiError.badRequest(key, "bad parameter name");
      JsonNode value = e.getValue();
      String text;
      if (value.isTextual()) text = value.asText();
      else if (value.isNumber()) text = decimalOf(value, key).toPlainString();
      else if (value.isBoolean()) text = value.asText();
      else throw ApiError.badRequest(key, "must be a string, number or boolean");
      if (text.length() > 256) throw ApiError.badRequest(key, "must be at most 256 characters");
      out.put(e.getKey(), text);
    }
    return out;
  }

  public String path(String field) {
    return prefix + field;
  }

  static BigDecimal decimalOf(JsonNode v, String field) {
    BigDecimal value;
    if (v.isNumber()) {
      value = v.decimalValue();
    } else if (v.isTextual()) {
      try {
        value = new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        throw ApiError.badRequest(field, "must be a decimal number, got '" + Params.clip(v.asText()) + "'");
      }
    } else {
      throw ApiError.badRequest(field, "must be a number");
    }
    // 1e999999999 parses as a BigDecimal; nothing the API takes is anywhere near 1e15 or finer than 1e-12.
    if (value.precision() - value.scale() > 15 || value.scale() > 12) {
      throw ApiError.badRequest(field, "is out of range");
    }
    return value;
  }
}
