package com.alphintra.infra.check;

import picocli.CommandLine.Help.Ansi;

/** The formats {@code check --output} offers. */
public enum ReportFormat {
  TEXT,
  JSON,
  SARIF;

  /**
   * The reporter of this format; {@code ansi} colours text on a terminal, {@code toolVersion} goes
   * into SARIF.
   */
  public Reporter reporter(Ansi ansi, String toolVersion) {
    return switch (this) {
      case TEXT -> new TextReporter(ansi);
      case JSON -> new JsonReporter();
      case SARIF -> new SarifReporter(toolVersion);
    };
  }
}
