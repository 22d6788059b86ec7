package io.strikeswarm.swarm.report;

import java.util.Locale;

/** Small helpers shared by the charts: coordinates with one decimal (enough on screen, and short files). */
final class Svg {
  private Svg() {}

  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cssClass
        + "\">" + Html.escape(content) + "</text>";
  }

  static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
        + "\" class=\"" + cssClass + "\"/>";
  }

  /** A tick step of 1, 2 or 5 × 10^k that cuts {@code range} into about {@code ticks} parts. */
  static double niceStep(double range, int ticks) {
    double raw = range / ticks;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
