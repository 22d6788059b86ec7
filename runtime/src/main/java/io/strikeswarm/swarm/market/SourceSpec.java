package io.strikeswarm.swarm.market;

import java.util.Optional;

/**
 * One operator-given source: {@code builtin:NAME} or a file path, optionally suffixed {@code @SYMBOL} to name the
 * instrument. {@code location} is the spec without that suffix and is how the source is named in reports and errors.
 */
record SourceSpec(String location, Optional<String> symbol) {
  static final String BUILTIN_PREFIX = "builtin:";

  static SourceSpec parse(String spec) {
    String text = spec.strip();
    if (text.isEmpty()) throw new IllegalArgumentException("empty market data spec");
    int at = text.lastIndexOf('@');
    // Only a trailing @WORD is a symbol; an '@' inside a directory name ("runs@home/x.csv") is part of the path.
    if (at > 0 && at < text.length() - 1) {
      String symbol = text.substring(at + 1).strip();
      if (!symbol.isEmpty() && symbol.chars().noneMatch(c -> c == '/' || c == '\\')) {
        return new SourceSpec(text.substring(0, at).strip(), Optional.of(symbol));
      }
    }
    return new SourceSpec(text, Optional.empty());
  }

  boolean isBuiltin() {
    return location.startsWith(BUILTIN_PREFIX);
  }

  String builtinName() {
    return location.substring(BUILTIN_PREFIX.length());
  }
}
