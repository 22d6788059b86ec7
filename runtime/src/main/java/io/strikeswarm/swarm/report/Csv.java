package io.strikeswarm.swarm.report;

import java.io.IOException;

/** RFC 4180 lines with {@code \n} endings, the same on every platform so the files compare byte for byte. */
final class Csv {
  private Csv() {}

  static void line(Appendable out, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields[i]));
    }
    out.append('\n');
  }

  /** A field is quoted only when it has to be: it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
