package io.strikeswarm.swarm.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG time-series chart: y grid with labels, dated x axis, a legend, one polyline (or shaded area) per
 * series. Each series is downsampled to {@link #MAX_POINTS} with {@link Downsampler}, so a year of minute bars stays a
 * light page while the troughs remain visible.
 */
final class LineChart {
  static final int MAX_POINTS = 2000;
  private static final int WIDTH = 960;
  private static final int HEIGHT = 300;
  private static final int LEFT = 86;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final int BOTTOM = 28;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  enum Style { LINE, DASHED, AREA }

  /** One line: {@code times} and {@code values} of equal length, at least one point. */
  record Series(String name, String color, long[] times, double[] values, Style style) {}

  /** A shaded stretch of time behind the lines, e.g. while the swarm was not trading normally. */
  record Band(long fromMs, long toMs, String label) {}

  /** Labels a y tick; {@code step} (the tick spacing) tells how many decimals are worth showing. */
  interface AxisLabel {
    String of(double value, double step);

    /** 100k, 102.5k, 1.2M: compact, so the axis stays narrow; the unit follows the step, the same on every tick. */
    static String money(double value, double step) {
      double unit = step >= 1e5 ? 1e6 : step >= 100 ? 1e3 : 1;
      String suffix = unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
      return String.format(Locale.ROOT, "%,." + decimals(step / unit) + "f", value / unit) + suffix;
    }

    static String percent(double value, double step) {
      return String.format(Locale.ROOT, "%." + decimals(step) + "f %%", value);
    }

    /** Enough decimals to tell two ticks apart: 0 for a step of 5, 1 for 0.5, 2 for 0.02. */
    private static int decimals(double step) {
      return (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    }
  }

  private LineChart() {}

  static String render(String title, List<Series> series, AxisLabel yLabel) {
    return render(title, series, List.of(), yLabel);
  }

  static String render(String title, List<Series> series, List<Band> bands, AxisLabel yLabel) {
    long xMin = Long.MAX_VALUE;
    long xMax = Long.MIN_VALUE;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      xMin = Math.min(xMin, s.times()[0]);
      xMax = Math.max(xMax, s.times()[s.times().length - 1]);
      for (double v : s.values()) {
        yMin = Math.min(yMin, v);
        yMax = Math.max(yMax, v);
      }
      if (s.style() == Style.AREA) { // an area is shaded down to 0, so 0 must be on the chart
        yMin = Math.min(yMin, 0);
        yMax = Math.max(yMax, 0);
      }
    }
    if (yMax - yMin < 1e-9) { // a flat curve still needs a visible band around it
      double pad = Math.max(Math.abs(yMax) * 0.01, 1);
      yMin -= pad;
      yMax += pad;
    }
    double step = Svg.niceStep(yMax - yMin, 5);
    Scale scale = new Scale(xMin, xMax, Math.floor(yMin / step) * step, Math.ceil(yMax / step) * step);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    long gridLines = Math.round((scale.yMax - scale.yMin) / step);
    for (long k = 0; k <= gridLines; k++) {
      double y = scale.yMin + k * step; // multiplied, not summed, so no rounding drift creeps into the labels
      double py = scale.y(y);
      svg.append(Svg.line(LEFT, py, WIDTH - RIGHT, py, "grid"));
      svg.append(Svg.text(LEFT - 6, py + 4, "end", "axis", yLabel.of(Math.abs(y) < step / 1e6 ? 0 : y, step)));
    }
    for (Band b : bands) {
      double x1 = scale.x(b.fromMs());
      svg.append("<rect class=\"band\" x=\"").append(Svg.num(x1)).append("\" y=\"").append(TOP)
          .append("\" width=\"").append(Svg.num(Math.max(scale.x(b.toMs()) - x1, 1))).append("\" height=\"")
          .append(HEIGHT - TOP - BOTTOM).append("\"><title>").append(Html.escape(b.label())).append("</title></rect>");
    }
    svg.append(Svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "baseline"));
    xTicks(svg, scale);
    for (Series s : series) {
      svg.append(path(s, scale));
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  private static void xTicks(StringBuilder svg, Scale scale) {
    DateTimeFormatter format = scale.xMax - scale.xMin > 2L * 86_400_000 ? DAY : HOUR;
    int ticks = scale.xMax == scale.xMin ? 1 : 6;
    for (int i = 0; i < ticks; i++) {
      long t = ticks == 1 ? scale.xMin : scale.xMin + (scale.xMax - scale.xMin) * i / (ticks - 1);
      String anchor = ticks == 1 ? "middle" : i == 0 ? "start" : i == ticks - 1 ? "end" : "middle";
      svg.append(Svg.text(scale.x(t), HEIGHT - BOTTOM + 18, anchor, "axis", format.format(Instant.ofEpochMilli(t))));
    }
  }

  private static String path(Series s, Scale scale) {
    int[] keep = Downsampler.indices(s.values(), MAX_POINTS);
    StringBuilder points = new StringBuilder();
    if (s.style() == Style.AREA) {
      points.append(Svg.num(scale.x(s.times()[keep[0]]))).append(',').append(Svg.num(scale.y(0))).append(' ');
    }
    for (int i : keep) {
      points.append(Svg.num(scale.x(s.times()[i]))).append(',').append(Svg.num(scale.y(s.values()[i]))).append(' ');
    }
    if (s.style() == Style.AREA) {
      points.append(Svg.num(scale.x(s.times()[keep[keep.length - 1]]))).append(',').append(Svg.num(scale.y(0)));
      return "<polygon class=\"area\" points=\"" + points.toString().trim() + "\" fill=\"" + s.color()
          + "\" fill-opacity=\"0.35\" stroke=\"" + s.color() + "\" stroke-width=\"1\"><title>"
          + Html.escape(s.name()) + "</title></polygon>";
    }
    return "<polyline class=\"series\" points=\"" + points.toString().trim() + "\" fill=\"none\" stroke=\""
        + s.color() + "\" stroke-width=\"1.6\"" + (s.style() == Style.DASHED ? " stroke-dasharray=\"6 4\"" : "")
        + "><title>" + Html.escape(s.name()) + "</title></polyline>";
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    double x = LEFT;
    for (Series s : series) {
      svg.append("<rect x=\"").append(Svg.num(x)).append("\" y=\"8\" width=\"14\" height=\"4\" fill=\"")
          .append(s.color()).append("\"/>");
      svg.append(Svg.text(x + 20, 14, "start", "legend", s.name()));
      x += 40 + 6.5 * s.name().length();
    }
  }

  /** Maps time and value to pixels of the plot area. */
  private record Scale(long xMin, long xMax, double yMin, double yMax) {
    double x(long t) {
      double w = WIDTH - LEFT - RIGHT;
      return xMax == xMin ? LEFT + w / 2 : LEFT + (double) (t - xMin) / (xMax - xMin) * w;
    }

    double y(double v) {
      return TOP + (yMax - v) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
    }
  }
}
