package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.manifest.KubeObject;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.platform.LabelSelector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric our PrometheusRules and Grafana dashboards name is produced by something the
 * Prometheus that {@code up} installs actually loads: a ServiceMonitor or PodMonitor it selects
 * (ours and the chart's, under the selectors of the rendered Prometheus object), or a recording
 * rule of a PrometheusRule it selects. So an alert on a series nobody collects fails the build.
 */
class PrometheusTargetsCoverMetricsTest {

  /**
   * What each monitor's targets export, by metric name prefix (maintained: a new monitor or a
   * metric from a new exporter goes here). Keyed by the monitor's kind and name.
   */
  static final Map<String, List<String>> PRODUCES =
      Map.ofEntries(
          Map.entry(
              "ServiceMonitor kube-prometheus-stack-kubelet",
              // kubelet's /metrics, cAdvisor's /metrics/cadvisor and /metrics/probes
              List.of(
                  "kubelet_",
                  "container_",
                  "machine_",
                  "prober_",
                  "storage_operation_",
                  "volume_manager_",
                  "rest_client_")),
          Map.entry("ServiceMonitor kube-prometheus-stack-kube-state-metrics", List.of("kube_")),
          Map.entry(
              "ServiceMonitor kube-prometheus-stack-apiserver",
              List.of(
                  "apiserver_",
                  "etcd_",
                  "rest_client_",
                  "workqueue_",
                  "authentication_",
                  "aggregator_")),
          Map.entry("ServiceMonitor kube-prometheus-stack-coredns", List.of("coredns_")),
          Map.entry(
              "ServiceMonitor kube-prometheus-stack-operator", List.of("prometheus_operator_")),
          Map.entry(
              "ServiceMonitor kube-prometheus-stack-prometheus",
              List.of("prometheus_", "net_conntrack_")),
          Map.entry("ServiceMonitor kube-prometheus-stack-alertmanager", List.of("alertmanager_")),
          Map.entry("ServiceMonitor kube-prometheus-stack-grafana", List.of("grafana_")),
          Map.entry(
              "ServiceMonitor istiod",
              List.of(
                  "pilot_", "citadel_", "galley_", "istiod_", "sidecar_injection_", "webhook_")),
          // the sidecars' and the gateway's merged Envoy + Istio agent statistics (port 15020)
          Map.entry("PodMonitor envoy-stats", List.of("istio_", "envoy_", "istio_agent_")));

  /**
   * Every scrape target also yields these (Prometheus' synthetic series, Go and process metrics).
   */
  static final List<String> EVERY_TARGET = List.of("up", "scrape_", "go_", "process_", "promhttp_");

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan",
          "sum",
          "avg",
          "min",
          "max",
          "count",
          "topk",
          "bottomk",
          "quantile",
          "stddev",
          "stdvar",
          "count_values",
          "group");

  private static List<KubeObject> chart;

  private static java.util.Optional<String> skipped = java.util.Optional.empty();

  @BeforeAll
  static void render(@TempDir Path charts) throws Exception {
    try {
      ChartArchives archives = ChartArchives.copiedTo(charts);
      RenderedReleases.Render render =
          new RenderedReleases(archives).get("local", "kube-prometheus-stack");
      chart = HelmReleasesRenderTest.objects(render);
    } catch (org.opentest4j.TestAbortedException e) {
      // reported on the test, where surefire shows the reason (it drops a class-level one)
      skipped = java.util.Optional.of(e.getMessage().replaceFirst("^Assumption failed: ", ""));
    }
  }

  @Test
  void everyMetricOurRulesAndDashboardsNameIsCollected() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(skipped.isEmpty(), skipped.orElse(""));
    KubeObject prometheus =
        chart.stream().filter(o -> o.kind().equals("Prometheus")).findFirst().orElseThrow();
    List<KubeObject> candidates = new ArrayList<>(chart);
    candidates.addAll(ours());

    Set<String> producedPrefixes = new TreeSet<>(EVERY_TARGET);
    Set<String> recorded = new TreeSet<>();
    List<String> unmapped = new ArrayList<>();
    for (KubeObject object : candidates) {
      String selector =
          switch (object.kind()) {
            case "ServiceMonitor" -> "serviceMonitor";
            case "PodMonitor" -> "podMonitor";
            case "PrometheusRule" -> "rule";
            default -> null;
          };
      if (selector == null || !selects(prometheus, selector, object)) {
        continue;
      }
      if (object.kind().equals("PrometheusRule")) {
        for (Map<String, Object> rule : rules(object)) {
          if (rule.get("record") instanceof String record) {
            recorded.add(record);
          }
        }
      } else {
        List<String> prefixes = PRODUCES.get(object.kind() + " " + object.name().orElse(""));
        if (prefixes == null) {
          unmapped.add(object.kind() + " " + object.name().orElse(""));
        } else {
          producedPrefixes.addAll(prefixes);
        }
      }
    }

    Map<String, String> used = usedMetrics();
    List<String> missing = new ArrayList<>();
    used.forEach(
        (metric, where) -> {
          boolean produced =
              recorded.contains(metric)
                  || producedPrefixes.stream()
                      .anyMatch(
                          prefix ->
                              metric.equals(prefix)
                                  || prefix.endsWith("_") && metric.startsWith(prefix));
          if (!produced) {
            missing.add(metric + " (" + where + ")");
          }
        });
    assertThat(unmapped)
        .as("monitors the Prometheus selects that PRODUCES does not describe (add them)")
        .isEmpty();
    assertThat(used).as("metrics found in our rules and dashboards").hasSizeGreaterThan(5);
    assertThat(missing)
        .as(
            "metrics our rules and dashboards use that no target or recording rule of the rendered"
                + " Prometheus (kube-prometheus-stack %s) produces; selected prefixes %s",
            "rendered from ../shared/charts", producedPrefixes)
        .isEmpty();
  }

  /** Our monitors and rules, as the overlays deploy them. */
  private static List<KubeObject> ours() throws Exception {
    List<KubeObject> objects = new ArrayList<>();
    for (String folder : List.of("monitors", "rules")) {
      for (Path file :
          yamlFiles(InfraTree.kubernetesDir().resolve("observability").resolve(folder))) {
        objects.addAll(
            new ManifestLoader().fromText(Files.readString(file), Origin.of(file)).objects());
      }
    }
    return objects;
  }

  private static List<Path> yamlFiles(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files
          .filter(
              f ->
                  f.toString().endsWith(".yaml")
                      && !f.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  /**
   * Whether the Prometheus object loads {@code object}: its labels match the selector and its
   * namespace the namespace selector (an absent namespace selector means the Prometheus' own
   * namespace, an empty one every namespace; namespaces carry their kubernetes.io/metadata.name).
   */
  static boolean selects(KubeObject prometheus, String name, KubeObject object) {
    Map<String, Object> spec = map(prometheus.raw().get("spec"));
    Object selector = spec.get(name + "Selector");
    if (selector == null) {
      return false;
    }
    if (!LabelSelector.of(selector).map(s -> s.matches(object.labels())).orElse(false)) {
      return false;
    }
    Object namespaces = spec.get(name + "NamespaceSelector");
    String namespace = object.namespace().orElse("observability");
    if (namespaces == null) {
      return namespace.equals(prometheus.namespace().orElse("observability"));
    }
    return LabelSelector.of(namespaces)
        .map(s -> s.matches(Map.of("kubernetes.io/metadata.name", namespace)))
        .orElse(false);
  }

  private static List<Map<String, Object>> rules(KubeObject rule) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Object group : list(map(rule.raw().get("spec")).get("groups"))) {
      for (Object entry : list(map(group).get("rules"))) {
        rules.add(map(entry));
      }
    }
    return rules;
  }

  /** Metric name to the first place that uses it, from our rules' and dashboards' PromQL. */
  private static Map<String, String> usedMetrics() throws Exception {
    Map<String, String> used = new TreeMap<>();
    for (KubeObject object : ours()) {
      if (object.kind().equals("PrometheusRule")) {
        for (Map<String, Object> rule : rules(object)) {
          String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
          metrics(String.valueOf(rule.get("expr")))
              .forEach(metric -> used.putIfAbsent(metric, object.name().orElse("") + " " + name));
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Path file : yamlFiles(InfraTree.kubernetesDir().resolve("observability/dashboards"))) {
      for (KubeObject object :
          new ManifestLoader().fromText(Files.readString(file), Origin.of(file)).objects()) {
        for (Object text : map(object.raw().get("data")).values()) {
          List<String> queries = new ArrayList<>();
          collectQueries(json.readTree(String.valueOf(text)), queries);
          for (String query : queries) {
            metrics(query)
                .forEach(metric -> used.putIfAbsent(metric, file.getFileName().toString()));
          }
        }
      }
    }
    return used;
  }

  private static void collectQueries(JsonNode node, List<String> queries) {
    // a data source variable's query names the data source type, not a metric
    if (node.isObject() && !node.path("type").asText("").equals("datasource")) {
      node.fields()
          .forEachRemaining(
              field -> {
                if ((field.getKey().equals("expr") || field.getKey().equals("query"))
                    && field.getValue().isTextual()) {
                  queries.add(field.getValue().asText());
                } else {
                  collectQueries(field.getValue(), queries);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectQueries(child, queries));
    }
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /**
   * The metric names of a PromQL expression: identifiers that are not functions, keywords, grouping
   * labels, label matchers, strings, durations or Grafana variables.
   */
  static Set<String> metrics(String promql) {
    String text =
        promql
            .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("'(\\\\.|[^'\\\\])*'", "''")
            .replaceAll("\\$\\{?\\w+}?", "0")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            // Grafana's label_values(metric, label): the label is not a metric
            .replaceAll("label_values\\s*\\(([^,)]*),[^)]*\\)", "($1)")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> metrics = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(text);
    while (matcher.find()) {
      String word = matcher.group();
      int after = matcher.end();
      while (after < text.length() && text.charAt(after) == ' ') {
        after++;
      }
      boolean call = after < text.length() && text.charAt(after) == '(';
      boolean number = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
      if (!call && !number && !PROMQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        metrics.add(word);
      }
    }
    return metrics;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  @Test
  void metricNamesAreReadFromPromQl() {
    assertThat(
            metrics(
                "sum by (destination_service_name, le) (rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[5m])) / on(pod) group_left kube_pod_info and up{job=\"x\"} > 0.5 * 1e3"))
        .containsExactlyInAnyOrder(
            "istio_request_duration_milliseconds_bucket", "kube_pod_info", "up");
    assertThat(metrics("predict_linear(kubelet_volume_stats_available_bytes[6h], 24 * 3600) < 0"))
        .containsExactly("kubelet_volume_stats_available_bytes");
    assertThat(
            metrics(
                "label_values(istio_requests_total{namespace=\"$ns\"}, destination_service_name)"))
        .contains("istio_requests_total");
  }
}
