package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A sortable HTML table. Numeric cells carry their exact value in {@code data-v} so that the page's script sorts
 * 1,200.00 after 999.00 instead of comparing the formatted text.
 */
final class HtmlTable {
  /**
   * One cell: text is escaped on output; {@code sortValue} (null to sort by text) is what the script compares;
   * {@code cssClass} "n…" right-aligns a number.
   */
  record Cell(String text, String sortValue, String cssClass) {
    static Cell text(String text) {
      return new Cell(text, null, "");
    }

    static Cell number(String text, BigDecimal value) {
      return new Cell(text, value.toPlainString(), "n");
    }

    static Cell number(long value) {
      return new Cell(Fmt.count(value), Long.toString(value), "n");
    }

    /** A number whose sign matters (P&L, return): green when positive, red when negative. */
    static Cell signed(String text, BigDecimal value) {
      return new Cell(text, value.toPlainString(), value.signum() > 0 ? "n pos" : value.signum() < 0 ? "n neg" : "n");
    }
  }

  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  HtmlTable(String... headers) {
    this.headers = List.of(headers);
  }

  HtmlTable row(Cell... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    StringBuilder out = new StringBuilder("<table class=\"sortable\"><thead><tr>");
    for (int c = 0; c < headers.size(); c++) {
      // A column is aligned like its cells; the first row tells which kind it is.
      boolean numeric = !rows.isEmpty() && rows.get(0).get(c).cssClass().startsWith("n");
      out.append(numeric ? "<th class=\"n\">" : "<th>").append(Html.escape(headers.get(c))).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (List<Cell> row : rows) {
      out.append("<tr>");
      for (Cell cell : row) {
        out.append("<td");
        if (!cell.cssClass().isEmpty()) {
          out.append(" class=\"").append(cell.cssClass()).append('"');
        }
        if (cell.sortValue() != null) {
          out.append(" data-v=\"").append(Html.escape(cell.sortValue())).append('"');
        }
        out.append('>').append(Html.escape(cell.text())).append("</td>");
      }
      out.append("</tr>");
    }
    return out.append("</tbody></table>").toString();
  }
}
