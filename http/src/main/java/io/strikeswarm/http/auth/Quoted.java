package io.strikeswarm.http.auth;

/** Echoes a non-secret setting back in an error message without letting a huge or multi-line value flood the log. */
final class Quoted {
  private static final int MAX_CHARS = 40;

  private Quoted() {}

  static String shortly(String text) {
    if (text == null) return "nothing";
    StringBuilder out = new StringBuilder("'");
    text.codePoints().limit(MAX_CHARS).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    if (text.codePointCount(0, text.length()) > MAX_CHARS) out.append("...");
    return out.append('\'').toString();
  }
}
