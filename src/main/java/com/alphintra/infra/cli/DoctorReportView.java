package com.alphintra.infra.cli;

import com.alphintra.infra.doctor.CheckResult;
import com.alphintra.infra.doctor.DoctorReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Renders a {@link DoctorReport} as a table for people or as JSON. */
final class DoctorReportView {

  private DoctorReportView() {}

  static String text(DoctorReport report, Ansi ansi) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CHECK", "STATUS", "FOUND", "REQUIRED", "DETAIL"});
    for (CheckResult result : report.results()) {
      rows.add(
          new String[] {
            result.name(),
            result.status().label(),
            result.found().orElse("-"),
            result.required(),
            result.detail()
          });
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Prerequisites for target '")
        .append(report.target().name().toLowerCase(Locale.ROOT))
        .append("':\n");
    for (int index = 0; index < rows.size(); index++) {
      String[] row = rows.get(index);
      String status = pad(row[1], widths[1]);
      if (index > 0) {
        String colour = report.results().get(index - 1).isOk() ? "green" : "red";
        status = ansi.string("@|" + colour + " " + status + "|@");
      }
      out.append("  ")
          .append(pad(row[0], widths[0]))
          .append("  ")
          .append(status)
          .append("  ")
          .append(pad(row[2], widths[2]))
          .append("  ")
          .append(pad(row[3], widths[3]))
          .append("  ")
          .append(row[4])
          .append('\n');
    }
    List<CheckResult> problems = report.problems();
    if (problems.isEmpty()) {
      out.append(ansi.string("@|green,bold Ready:|@ everything this target needs is here.\n"));
    } else {
      out.append('\n')
          .append(ansi.string("@|red,bold Not ready:|@ "))
          .append(problems.size())
          .append(problems.size() == 1 ? " problem" : " problems")
          .append(". How to fix:\n");
      for (CheckResult problem : problems) {
        out.append("  ")
            .append(problem.name())
            .append(" (")
            .append(problem.status().label())
            .append(")\n");
        problem
            .install()
            .ifPresent(
                hint -> {
                  out.append("    Linux: ").append(hint.linux()).append('\n');
                  out.append("    macOS: ").append(hint.macos()).append('\n');
                });
      }
    }
    return out.toString();
  }

  static Map<String, Object> json(DoctorReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("target", report.target().name().toLowerCase(Locale.ROOT));
    root.put("ready", report.isReady());
    List<Map<String, Object>> checks = new ArrayList<>();
    for (CheckResult result : report.results()) {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("name", result.name());
      check.put("target", result.target().name().toLowerCase(Locale.ROOT));
      check.put("status", result.status().name().toLowerCase(Locale.ROOT));
      check.put("found", result.found().orElse(null));
      check.put("required", result.required());
      check.put("detail", result.detail());
      result
          .install()
          .ifPresent(
              hint -> check.put("install", Map.of("linux", hint.linux(), "macos", hint.macos())));
      checks.add(check);
    }
    root.put("checks", checks);
    return root;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
