package com.alphintra.infra.check;

import com.alphintra.infra.check.rules.env.Direction;
import com.alphintra.infra.check.rules.env.EnvironmentComparison;
import com.alphintra.infra.check.rules.env.SettingComparison;
import com.alphintra.infra.check.rules.env.SettingValue;
import com.alphintra.infra.platform.LoadError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table behind {@code alphintra check --env-diff}: each security and reliability setting in
 * dev, staging and prod, and whether it only gets stricter towards prod (what rule {@code
 * env-drift-direction} enforces).
 *
 * @param settings every compared setting known in at least two environments
 * @param loadErrors files that could not be read; the table is complete without them
 * @param notes what a person should know about how complete the table is
 */
public record EnvironmentDiff(
    List<SettingComparison> settings, List<LoadError> loadErrors, List<String> notes) {

  public EnvironmentDiff {
    settings = List.copyOf(settings);
    loadErrors = List.copyOf(loadErrors);
    notes = List.copyOf(notes);
  }

  public boolean hasWrongDirection() {
    return settings.stream().anyMatch(setting -> setting.direction() == Direction.WRONG);
  }

  /** The settings that differ, as a table; the others are counted below it. */
  public String text() {
    List<SettingComparison> differing =
        settings.stream().filter(s -> s.direction() != Direction.SAME).toList();
    List<String> header = new ArrayList<>(List.of("setting"));
    header.addAll(EnvironmentComparison.ORDER);
    header.add("direction");
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (SettingComparison setting : differing) {
      List<String> row = new ArrayList<>(List.of(setting.setting()));
      for (String environment : EnvironmentComparison.ORDER) {
        SettingValue value = setting.values().get(environment);
        row.add(value == null ? "-" : value.shown());
      }
      row.add(setting.direction() == Direction.RIGHT ? "right" : "WRONG: weaker later");
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    rows.forEach(
        row -> {
          for (int column = 0; column < row.size(); column++) {
            widths[column] = Math.max(widths[column], row.get(column).length());
          }
        });
    StringBuilder out = new StringBuilder();
    if (differing.isEmpty()) {
      out.append("No security or reliability setting differs between ")
          .append(String.join(", ", EnvironmentComparison.ORDER))
          .append(".\n");
    } else {
      for (List<String> row : rows) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
          line.append(String.format(Locale.ROOT, "%-" + widths[column] + "s", row.get(column)));
          line.append(column + 1 < row.size() ? "  " : "");
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
    }
    long same = settings.size() - differing.size();
    out.append('\n')
        .append(differing.size())
        .append(differing.size() == 1 ? " setting differs" : " settings differ")
        .append(" (")
        .append(differing.stream().filter(s -> s.direction() == Direction.WRONG).count())
        .append(" weaker in a later environment); ")
        .append(same)
        .append(same == 1 ? " is" : " are")
        .append(" the same everywhere (--output json lists every setting).\n");
    notes.forEach(note -> out.append("note: ").append(note).append('\n'));
    loadErrors.forEach(
        error ->
            out.append("could not read: ")
                .append(error.location())
                .append(": ")
                .append(error.message())
                .append('\n'));
    return out.toString();
  }

  /** Every compared setting, the same ones included. */
  public String json() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SettingComparison setting : settings) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("setting", setting.setting());
      Map<String, Object> values = new LinkedHashMap<>();
      setting
          .values()
          .forEach(
              (environment, value) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value.shown());
                entry.put("file", value.file().toString().replace('\\', '/'));
                entry.put("line", value.line());
                values.put(environment, entry);
              });
      row.put("values", values);
      row.put("direction", setting.direction().name().toLowerCase(Locale.ROOT));
      rows.add(row);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("environments", EnvironmentComparison.ORDER);
    document.put("settings", rows);
    document.put("notes", notes);
    document.put(
        "loadErrors",
        loadErrors.stream().map(error -> error.location() + ": " + error.message()).toList());
    return JsonText.of(document);
  }

  static EnvironmentDiff of(com.alphintra.infra.platform.Platform platform) {
    return new EnvironmentDiff(
        EnvironmentComparison.of(platform), platform.loadErrors(), platform.notes());
  }
}
