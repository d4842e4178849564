package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The report for people: findings grouped by file, each with its line, severity, rule and message
 * and the rule's remediation; then files that could not be read, notes, and a one-line summary.
 * Colours only when {@code ansi} is on (a terminal).
 */
final class TextReporter implements Reporter {

  private final Ansi ansi;

  TextReporter(Ansi ansi) {
    this.ansi = ansi;
  }

  @Override
  public String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding finding : report.findings()) {
      byFile.computeIfAbsent(finding.fileName(), file -> new java.util.ArrayList<>()).add(finding);
    }
    byFile.forEach(
        (file, findings) -> {
          out.append(ansi.string("@|bold " + (file.isEmpty() ? "(no file)" : file) + "|@"))
              .append('\n');
          for (Finding finding : findings) {
            out.append("  ")
                .append(finding.line() > 0 ? finding.line() : "-")
                .append("  ")
                .append(
                    ansi.string(
                        "@|" + colour(finding.severity()) + " " + finding.severity().name() + "|@"))
                .append("  ")
                .append(finding.rule())
                .append("  ")
                .append(finding.message())
                .append('\n');
            report
                .info(finding.rule())
                .ifPresent(
                    info -> out.append("      fix: ").append(info.remediation()).append('\n'));
          }
          out.append('\n');
        });
    if (report.hasLoadErrors()) {
      out.append(ansi.string("@|red,bold Could not read|@ (the other files were checked):"))
          .append('\n');
      for (LoadError error : report.loadErrors()) {
        out.append("  ").append(error.location()).append(": ").append(error.message()).append('\n');
      }
      out.append('\n');
    }
    for (String note : report.notes()) {
      out.append("note: ").append(note).append('\n');
    }
    report
        .baselineWritten()
        .ifPresent(
            file ->
                out.append("wrote ")
                    .append(report.unsuppressed().size())
                    .append(report.unsuppressed().size() == 1 ? " finding" : " findings")
                    .append(" to the baseline ")
                    .append(file)
                    .append('\n'));
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  private String summary(CheckReport report) {
    int count = report.findings().size();
    StringBuilder line = new StringBuilder();
    if (count == 0) {
      line.append(ansi.string("@|green,bold No findings|@"));
    } else {
      line.append(
          ansi.string("@|red,bold " + count + (count == 1 ? " finding" : " findings") + "|@"));
    }
    line.append(" at or above ")
        .append(report.threshold().label())
        .append(" (")
        .append(report.rules().size())
        .append(" rules, ")
        .append(report.files())
        .append(report.files() == 1 ? " file" : " files");
    if (report.suppressed() > 0) {
      line.append(", ").append(report.suppressed()).append(" suppressed");
    }
    if (report.baselined() > 0) {
      line.append(", ").append(report.baselined()).append(" in the baseline");
    }
    if (report.belowThreshold() > 0) {
      line.append(", ").append(report.belowThreshold()).append(" below the threshold");
    }
    if (report.hasLoadErrors()) {
      line.append(", ").append(report.loadErrors().size()).append(" unreadable");
    }
    return line.append(")").toString();
  }

  private static String colour(Severity severity) {
    return switch (severity) {
      case LOW -> "cyan";
      case MEDIUM -> "yellow";
      case HIGH, CRITICAL -> "red";
    };
  }
}
