package io.strikeswarm.swarm.inspect;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns, each as wide as its widest cell; the last column is not padded. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  void row(String... cells) {
    if (cells.length != rows.get(0).length) throw new IllegalArgumentException("row width differs from the header");
    rows.add(cells);
  }

  String render() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row[c].length());
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (widths[c] == 0) continue;
        if (line.length() > 0) line.append("  ");
        line.append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s", row[c]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
