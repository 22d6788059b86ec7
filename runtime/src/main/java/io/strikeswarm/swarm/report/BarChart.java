package io.strikeswarm.swarm.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * An inline SVG horizontal bar chart with one group of bars per category (e.g. allocated vs final equity per
 * diamond), each bar labelled with its value so nobody has to read an axis.
 */
final class BarChart {
  private static final int WIDTH = 960;
  private static final int LABEL = 130;
  private static final int VALUE = 110;
  private static final int BAR = 16;
  private static final int GAP = 14;
  private static final int TOP = 26;

  /** One measure across all categories, {@code values} in category order. */
  record Bars(String name, String color, double[] values) {}

  private BarChart() {}

  static String render(String title, List<String> categories, List<Bars> bars, DoubleFunction<String> format) {
    double min = 0;
    double max = 0;
    for (Bars b : bars) {
      for (double v : b.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double span = max - min > 0 ? max - min : 1;
    double plot = WIDTH - LABEL - VALUE;
    double zero = LABEL + (-min) / span * plot;
    int groupHeight = bars.size() * BAR + GAP;
    int height = TOP + categories.size() * groupHeight + 4;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    double lx = LABEL;
    for (Bars b : bars) {
      svg.append("<rect x=\"").append(Svg.num(lx)).append("\" y=\"6\" width=\"14\" height=\"10\" fill=\"")
          .append(b.color()).append("\"/>");
      svg.append(Svg.text(lx + 20, 15, "start", "legend", b.name()));
      lx += 40 + 6.5 * b.name().length();
    }
    for (int c = 0; c < categories.size(); c++) {
      double groupTop = TOP + c * groupHeight;
      svg.append(Svg.text(LABEL - 8, groupTop + bars.size() * BAR / 2.0 + 4, "end", "label", categories.get(c)));
      for (int k = 0; k < bars.size(); k++) {
        double v = bars.get(k).values()[c];
        double end = LABEL + (v - min) / span * plot;
        double y = groupTop + k * BAR;
        svg.append("<rect x=\"").append(Svg.num(Math.min(zero, end))).append("\" y=\"").append(Svg.num(y + 1))
            .append("\" width=\"").append(Svg.num(Math.max(Math.abs(end - zero), 1))).append("\" height=\"")
            .append(BAR - 3).append("\" fill=\"").append(bars.get(k).color()).append("\"><title>")
            .append(Html.escape(categories.get(c) + " " + bars.get(k).name() + ": " + format.apply(v)))
            .append("</title></rect>");
        svg.append(Svg.text(Math.max(zero, end) + 6, y + BAR - 4, "start", "value", format.apply(v)));
      }
    }
    svg.append(Svg.line(zero, TOP - 2, zero, height - 2, "baseline"));
    return svg.append("</svg>").toString();
  }
}
