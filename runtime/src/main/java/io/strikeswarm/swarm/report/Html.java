package io.strikeswarm.swarm.report;

/**
 * Escaping for text and attribute values. Every string that came from the input (bot ids, settings, reasons) goes
 * through here: a bot named {@code <script>} must show as text, not run. Only the five XML entities are used, so the
 * page stays well-formed XML too, which the tests exploit to parse it.
 */
final class Html {
  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
