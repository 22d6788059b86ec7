package io.strikeswarm.swarm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the four files of a backtest report into one directory (created if missing, files overwritten):
 * summary.json, trades.csv, equity.csv and report.html, all UTF-8 with {@code \n} line endings.
 *
 * <p>The input is validated and the metrics computed before anything is written, so a bad result leaves no
 * half-written report behind.
 */
public final class ReportWriter {
  public static final String SUMMARY_JSON = "summary.json";
  public static final String TRADES_CSV = "trades.csv";
  public static final String EQUITY_CSV = "equity.csv";
  public static final String REPORT_HTML = "report.html";

  private ReportWriter() {}

  public static ReportFiles write(BacktestResult r, Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("report directory is missing");
    }
    PerformanceMetrics m = PerformanceMetrics.of(r);
    ReportFiles files = new ReportFiles(dir.resolve(SUMMARY_JSON), dir.resolve(TRADES_CSV),
        dir.resolve(EQUITY_CSV), dir.resolve(REPORT_HTML));
    try {
      Files.createDirectories(dir);
      Files.writeString(files.summaryJson(), SummaryJson.render(r, m), StandardCharsets.UTF_8);
      try (Writer out = Files.newBufferedWriter(files.tradesCsv(), StandardCharsets.UTF_8)) {
        TradesCsv.write(r.trades(), out);
      }
      try (Writer out = Files.newBufferedWriter(files.equityCsv(), StandardCharsets.UTF_8)) {
        EquityCsv.write(r.initialCapital(), r.equity(), out);
      }
      Files.writeString(files.reportHtml(), HtmlReport.render(r, m), StandardCharsets.UTF_8);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backtest report to " + dir, e);
    }
  }
}
