package com.alphintra.infra.cli;

import com.alphintra.infra.local.HealthItem;
import com.alphintra.infra.local.HealthReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Renders a {@link HealthReport}: grouped lines for people, or JSON. */
final class StatusView {

  private StatusView() {}

  static String text(HealthReport report, Ansi ansi) {
    StringBuilder text = new StringBuilder();
    text.append("Context ")
        .append(report.context())
        .append(", Istio ")
        .append(report.istioVersion().orElse("not found"))
        .append('\n');
    String group = "";
    int width = report.items().stream().mapToInt(item -> item.name().length()).max().orElse(0);
    for (HealthItem item : report.items()) {
      if (!item.group().equals(group)) {
        group = item.group();
        text.append(group).append(":\n");
      }
      String mark = item.healthy() ? ansi.string("@|green ok  |@") : ansi.string("@|red FAIL|@");
      text.append("  ")
          .append(mark)
          .append("  ")
          .append(item.name())
          .append(" ".repeat(width - item.name().length()))
          .append("  ")
          .append(item.detail())
          .append('\n');
    }
    int problems = report.problems().size();
    text.append(
        problems == 0
            ? ansi.string("@|green,bold Healthy.|@\n")
            : ansi.string("@|red,bold Unhealthy:|@ ")
                + problems
                + (problems == 1 ? " problem" : " problems")
                + " (FAIL above).\n");
    return text.toString();
  }

  static Map<String, Object> json(HealthReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("context", report.context());
    root.put("healthy", report.isHealthy());
    root.put("istioVersion", report.istioVersion().orElse(null));
    List<Map<String, Object>> items = new ArrayList<>();
    for (HealthItem item : report.items()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("group", item.group());
      entry.put("name", item.name());
      entry.put("healthy", item.healthy());
      entry.put("detail", item.detail());
      items.add(entry);
    }
    root.put("items", items);
    return root;
  }
}
