package io.strikeswarm.swarm.backtest;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The replay's progress on the console: a bar redrawn in place on a terminal, or a line every 10 % when the output
 * is a file or a pipe (so logs stay readable).
 */
final class ProgressBar implements ReplayDriver.Progress {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final boolean terminal;
  private int lastDecile = -1;

  ProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void update(long done, long total, long botBars, long elapsedNanos) {
    double fraction = total == 0 ? 1 : (double) done / total;
    double rate = elapsedNanos > 0 ? botBars / (elapsedNanos / 1e9) : 0;
    String line = String.format(Locale.ROOT, "[%s] %5.1f%%  %,d/%,d bar times  %,.0f bot-bars/s",
        bar(fraction), fraction * 100, done, total, rate);
    if (terminal) {
      out.print("\r" + line + (done >= total ? "\n" : ""));
      out.flush();
    } else {
      int decile = (int) Math.floor(fraction * 10);
      if (decile != lastDecile) {
        lastDecile = decile;
        out.println(line);
      }
    }
  }

  private static String bar(double fraction) {
    int filled = (int) Math.round(fraction * WIDTH);
    return "#".repeat(filled) + "-".repeat(WIDTH - filled);
  }
}
