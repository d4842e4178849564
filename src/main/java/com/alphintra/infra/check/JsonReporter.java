package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadError;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report for programs: findings with their remediation, unreadable files, notes and counts. */
final class JsonReporter implements Reporter {

  @Override
  public String render(CheckReport report) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "findings", report.findings().stream().map(finding -> finding(finding, report)).toList());
    document.put("errors", report.loadErrors().stream().map(JsonReporter::error).toList());
    document.put("notes", report.notes());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("findings", report.findings().size());
    summary.put("threshold", report.threshold().label());
    summary.put("suppressed", report.suppressed());
    summary.put("baselined", report.baselined());
    summary.put("belowThreshold", report.belowThreshold());
    summary.put("rules", report.rules().stream().map(RuleInfo::id).toList());
    summary.put("files", report.files());
    report.baselineWritten().ifPresent(file -> summary.put("baselineWritten", file.toString()));
    document.put("summary", summary);
    return JsonText.of(document);
  }

  private static Map<String, Object> finding(Finding finding, CheckReport report) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("rule", finding.rule());
    entry.put("severity", finding.severity().label());
    entry.put("file", finding.fileName());
    entry.put("line", finding.line());
    entry.put("object", finding.object());
    entry.put("message", finding.message());
    report.info(finding.rule()).ifPresent(info -> entry.put("remediation", info.remediation()));
    return entry;
  }

  private static Map<String, Object> error(LoadError error) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("file", error.file().toString().replace('\\', '/'));
    entry.put("line", error.line());
    entry.put("column", error.column());
    entry.put("message", error.message());
    return entry;
  }
}
