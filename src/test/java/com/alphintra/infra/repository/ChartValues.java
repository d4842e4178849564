package com.alphintra.infra.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a chart lets its values set: the keys of its own values.yaml (for Istio's charts, those
 * under {@code _internal_defaults_do_not_set}, where they keep their defaults) and of each
 * subchart's under the subchart's name or alias, and the {@code .Values.x.y} paths its templates
 * read.
 */
final class ChartValues {

  private static final java.util.regex.Pattern DESCOPED =
      java.util.regex.Pattern.compile("index \\$\\.Values \"(\\w+)\"");

  private final Map<String, Object> defaults;
  private final String templates;
  private final java.util.Set<String> subcharts;
  private final java.util.Set<String> descoped;

  private ChartValues(
      Map<String, Object> defaults,
      String templates,
      java.util.Set<String> subcharts,
      java.util.Set<String> descoped) {
    this.defaults = defaults;
    this.templates = templates;
    this.subcharts = subcharts;
    this.descoped = descoped;
  }

  static ChartValues of(Map<String, String> files) {
    Map<String, Object> defaults = new LinkedHashMap<>(mapOf(load(files.get("values.yaml"))));
    if (defaults.get("_internal_defaults_do_not_set") instanceof Map<?, ?> internal) {
      defaults.putAll(mapOf(internal));
    }
    StringBuilder templates = new StringBuilder();
    Map<String, String> aliases = aliases(files.get("Chart.yaml"));
    java.util.Set<String> subcharts = new java.util.HashSet<>();
    java.util.Set<String> descoped = new java.util.HashSet<>();
    // Istio's charts copy everything under .cni (or .pilot) to the top (zzy_descope_legacy.yaml).
    String legacy = files.getOrDefault("templates/zzy_descope_legacy.yaml", "");
    java.util.regex.Matcher matcher = DESCOPED.matcher(legacy);
    while (matcher.find()) {
      descoped.add(matcher.group(1));
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      String path = file.getKey();
      // Istio's charts keep their sidecar injection templates under files/.
      if (path.startsWith("templates/")
          || path.contains("/templates/")
          || path.startsWith("files/") && path.endsWith(".yaml")) {
        templates.append(file.getValue()).append('\n');
      }
      // charts/<sub>/values.yaml: the subchart's defaults, under its alias or name
      String[] parts = path.split("/");
      if (parts.length == 3 && parts[0].equals("charts") && parts[2].equals("values.yaml")) {
        String key = aliases.getOrDefault(parts[1], parts[1]);
        Map<String, Object> merged =
            new LinkedHashMap<>(defaults.get(key) instanceof Map<?, ?> own ? mapOf(own) : Map.of());
        mapOf(load(file.getValue())).forEach(merged::putIfAbsent);
        defaults.put(key, merged);
        subcharts.add(key);
      }
    }
    return new ChartValues(defaults, templates.toString(), subcharts, descoped);
  }

  /** Whether the chart defines {@code path} in its defaults or a template reads it. */
  boolean knows(List<String> path) {
    if (path.size() > 1 && descoped.contains(path.get(0))) {
      return knows(path.subList(1, path.size()));
    }
    Object node = defaults;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return isRead(path);
      }
      node = map.get(key);
    }
    return true;
  }

  /**
   * Whether a template reads the path itself, or passes one of its enclosing maps on whole ({@code
   * toYaml .Values.resources}, {@code with .Values.securityContext}, {@code range ... :=
   * .Values.labels}): such a map's keys are the API's, not the chart's.
   */
  private boolean isRead(List<String> path) {
    if (reads(path)) {
      return true;
    }
    return path.size() > 1
        && subcharts.contains(path.get(0))
        && reads(path.subList(1, path.size()));
  }

  private boolean reads(List<String> path) {
    // the path itself, not a longer key that starts with it (kubeScheduler in
    // kubeSchedulerAlerting)
    if (java.util.regex.Pattern.compile(
            "\\.Values\\." + java.util.regex.Pattern.quote(String.join(".", path)) + "(?![\\w-])")
        .matcher(templates)
        .find()) {
      return true;
    }
    for (int length = path.size() - 1; length >= 1; length--) {
      String prefix = java.util.regex.Pattern.quote(String.join(".", path.subList(0, length)));
      java.util.regex.Pattern whole =
          java.util.regex.Pattern.compile(
              "((toYaml|with|:=|range|include \"[^\"]+\")\\s+\\(?\\$?\\.Values\\."
                  + prefix
                  + "\\s*(\\)|\\||-?}})|\\(\\$?\\.Values\\."
                  + prefix
                  + "\\))");
      if (whole.matcher(templates).find()) {
        return true;
      }
    }
    return false;
  }

  /** Every path to a leaf (a scalar, a list or an empty map) of a values tree. */
  static List<List<String>> leaves(Map<?, ?> values) {
    List<List<String>> leaves = new ArrayList<>();
    collect(values, new ArrayList<>(), leaves);
    return leaves;
  }

  private static void collect(Map<?, ?> map, List<String> prefix, List<List<String>> leaves) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(String.valueOf(entry.getKey()));
      if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
        collect(child, path, leaves);
      } else {
        leaves.add(path);
      }
    }
  }

  static Map<String, Object> load(String yaml) {
    if (yaml == null) {
      return Map.of();
    }
    Object loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return mapOf(loaded);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapOf(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Subchart name to the key its values go under (its alias, else its name). */
  private static Map<String, String> aliases(String chartYaml) {
    Map<String, String> aliases = new LinkedHashMap<>();
    if (load(chartYaml).get("dependencies") instanceof List<?> dependencies) {
      for (Object dependency : dependencies) {
        if (dependency instanceof Map<?, ?> entry && entry.get("name") instanceof String name) {
          aliases.put(name, entry.get("alias") instanceof String alias ? alias : name);
        }
      }
    }
    return aliases;
  }
}
