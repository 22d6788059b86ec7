package io.strikeswarm.swarm.report;

import java.nio.file.Path;

/** Where {@link ReportWriter} put each file, for the CLI to print. */
public record ReportFiles(Path summaryJson, Path tradesCsv, Path equityCsv, Path reportHtml) {}
