package io.strikeswarm.http.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Query parameters, checked: each getter either returns a value in range or throws an {@link ApiError} naming the
 * parameter. Unknown parameters are refused too, so a typo ({@code ?limt=5}) is an error rather than a silent
 * default.
 */
public final class Params {
  private final Map<String, String> query;

  public Params(Map<String, String> query, Set<String> allowed) {
    this.query = query;
    for (String name : query.keySet()) {
      if (!allowed.contains(name)) {
        throw ApiError.badRequest(clip(name), "unknown query parameter (allowed: " + String.join(", ",
            allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  public Optional<String> text(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public long integer(String name, long fallback, long min, long max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) return fallback;
    long value;
    try {
      value = Long.parseLong(raw.get());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name, "must be an integer, got '" + clip(raw.get()) + "'");
    }
    if (value < min || value > max) {
      throw ApiError.badRequest(name, "must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /** A time as epoch milliseconds or an ISO-8601 instant ({@code 2013-09-01T00:00:00Z}). */
  public Optional<Long> time(String name) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) return Optional.empty();
    String v = raw.get();
    try {
      return Optional.of(Long.parseLong(v));
    } catch (NumberFormatException notMillis) {
      try {
        return Optional.of(Instant.parse(v).toEpochMilli());
      } catch (DateTimeParseException e) {
        throw ApiError.badRequest(name, "must be epoch milliseconds or an ISO-8601 instant, got '" + clip(v) + "'");
      }
    }
  }

  public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) return Optional.empty();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw.get())) return Optional.of(e);
    }
    throw ApiError.badRequest(name, "must be one of " + names(type) + ", got '" + clip(raw.get()) + "'");
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    StringBuilder b = new StringBuilder();
    for (E e : type.getEnumConstants()) b.append(b.isEmpty() ? "" : ", ").append(e.name().toLowerCase());
    return b.toString();
  }

  /** Echoed input is cut short and stripped of control characters, so an error never reflects a huge or odd value. */
  static String clip(String raw) {
    StringBuilder b = new StringBuilder();
    raw.codePoints().limit(40).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return raw.codePointCount(0, raw.length()) > 40 ? b + "..." : b.toString();
  }
}
