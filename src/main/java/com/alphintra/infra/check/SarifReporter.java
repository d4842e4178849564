package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a SARIF 2.1.0 log, as GitHub code scanning reads it: the rule catalog in {@code
 * tool.driver.rules}, one result per finding with a location relative to the repository root
 * ({@code %SRCROOT%}), and files that could not be read as tool execution notifications.
 */
final class SarifReporter implements Reporter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final String toolVersion;

  SarifReporter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String render(CheckReport report) {
    List<RuleInfo> rules = report.catalog();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int index = 0; index < rules.size(); index++) {
      ruleIndex.put(rules.get(index).id(), index);
    }

    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "alphintra-check");
    driver.put("semanticVersion", toolVersion);
    driver.put("rules", rules.stream().map(SarifReporter::rule).toList());

    List<Object> results = new ArrayList<>();
    for (Finding finding : report.findings()) {
      results.add(result(finding, ruleIndex.getOrDefault(finding.rule(), -1)));
    }

    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("executionSuccessful", !report.hasLoadErrors());
    invocation.put(
        "toolExecutionNotifications",
        report.loadErrors().stream().map(SarifReporter::notification).toList());

    Map<String, Object> srcRoot = new LinkedHashMap<>();
    srcRoot.put("uri", report.root().toUri().toString());
    srcRoot.put("description", text("The repository root."));

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("originalUriBaseIds", Map.of("%SRCROOT%", srcRoot));
    run.put("invocations", List.of(invocation));
    run.put("results", results);

    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return JsonText.of(log);
  }

  private static Map<String, Object> rule(RuleInfo info) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", info.id());
    rule.put("name", pascalCase(info.id()));
    rule.put("shortDescription", text(info.title()));
    rule.put("fullDescription", text(info.rationale()));
    StringBuilder help = new StringBuilder(info.remediation());
    StringBuilder markdown =
        new StringBuilder("**Fix:** ")
            .append(info.remediation())
            .append("\n\n")
            .append(info.rationale());
    if (!info.references().isEmpty()) {
      help.append(" References: ").append(String.join(", ", info.references())).append('.');
      markdown.append("\n\nReferences: ").append(String.join(", ", info.references()));
    }
    Map<String, Object> helpText = new LinkedHashMap<>();
    helpText.put("text", help.toString());
    helpText.put("markdown", markdown.toString());
    rule.put("help", helpText);
    rule.put("defaultConfiguration", Map.of("level", info.severity().sarifLevel()));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("tags", List.of(info.target().prefix(), "security", "infrastructure"));
    properties.put("security-severity", info.severity().securitySeverity());
    properties.put("precision", "high");
    rule.put("properties", properties);
    return rule;
  }

  private static Map<String, Object> result(Finding finding, int ruleIndex) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ruleId", finding.rule());
    if (ruleIndex >= 0) {
      result.put("ruleIndex", ruleIndex);
    }
    result.put("level", finding.severity().sarifLevel());
    result.put("message", text(finding.message()));
    if (!finding.fileName().isEmpty()) {
      result.put("locations", List.of(location(finding.fileName(), finding.line(), 0)));
    }
    result.put(
        "partialFingerprints",
        Map.of(
            "alphintraFinding/v1",
            Integer.toHexString(
                (finding.rule()
                        + "|"
                        + finding.fileName()
                        + "|"
                        + finding.object()
                        + "|"
                        + finding.message())
                    .hashCode())));
    result.put("properties", Map.of("object", finding.object()));
    return result;
  }

  private static Map<String, Object> notification(LoadError error) {
    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put("level", "error");
    notification.put("message", text(error.message()));
    notification.put(
        "locations",
        List.of(
            location(error.file().toString().replace('\\', '/'), error.line(), error.column())));
    return notification;
  }

  private static Map<String, Object> location(String file, int line, int column) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", file);
    artifact.put("uriBaseId", "%SRCROOT%");
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", artifact);
    if (line > 0) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", line);
      if (column > 0) {
        region.put("startColumn", column);
      }
      physical.put("region", region);
    }
    return Map.of("physicalLocation", physical);
  }

  private static Map<String, Object> text(String text) {
    return Map.of("text", text);
  }

  private static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}
