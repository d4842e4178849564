package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.workspace.PinnedVersions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * renovate.json's custom regex managers find every pin of infra/versions.yaml that Renovate should
 * keep current (the k3s image, Istio and its four charts, the observability charts, the provider
 * constraints, the CI tools) and the same tool versions in the workflows; Istio's charts are one
 * group. The managers' patterns are run here as Java regular expressions (the named-group syntax
 * Renovate's RE2 and Java share).
 */
class RenovateConfigTest {

  private static final Path ROOT = InfraTree.repositoryRoot();
  private static JsonNode config;
  private static Map<String, String> pins;

  @BeforeAll
  static void read() throws IOException {
    config = new ObjectMapper().readTree(Files.readString(ROOT.resolve("renovate.json")));
    pins = PinnedVersions.read(ROOT.resolve("infra/versions.yaml")).entries();
  }

  /** depName -> currentValue for every dependency the custom managers find in this file. */
  static Map<String, String> dependencies(JsonNode config, String relativePath, String text) {
    Map<String, String> found = new LinkedHashMap<>();
    for (JsonNode manager : config.path("customManagers")) {
      boolean applies = false;
      for (JsonNode pattern : manager.path("managerFilePatterns")) {
        String regex = pattern.asText().replaceAll("^/|/$", "");
        applies |= Pattern.compile(regex).matcher(relativePath).find();
      }
      if (!applies) {
        continue;
      }
      for (JsonNode matchString : manager.path("matchStrings")) {
        Matcher matcher = Pattern.compile(matchString.asText()).matcher(text);
        while (matcher.find()) {
          String depName =
              manager.has("depNameTemplate")
                  ? manager.path("depNameTemplate").asText()
                  : matcher.group("depName");
          found.put(depName, matcher.group("currentValue"));
        }
      }
    }
    return found;
  }

  private static Map<String, String> expectedFromVersionsYaml() {
    Map<String, String> expected = new LinkedHashMap<>();
    String k3s = pins.get("kubernetes.k3s.image");
    expected.put("rancher/k3s", k3s.substring(k3s.indexOf(':') + 1));
    expected.put("istio/istio", pins.get("kubernetes.istio.version"));
    for (String chart : List.of("base", "istiod", "gateway", "cni")) {
      expected.put(chart, pins.get("kubernetes.istio.charts." + chart));
    }
    for (String stack : List.of("kubePrometheusStack", "jaeger", "kiali")) {
      expected.put(
          pins.get("observability." + stack + ".chart"),
          pins.get("observability." + stack + ".version"));
    }
    // The operators cloud overlays run (issue 14), in the same repository/chart/version shape.
    for (String operator : List.of("externalSecrets", "certManager")) {
      expected.put(
          pins.get("kubernetes." + operator + ".chart"),
          pins.get("kubernetes." + operator + ".version"));
    }
    // The images of the mirror list, and the image pins its overlay entries equal.
    for (Map.Entry<String, String> pin : pins.entrySet()) {
      boolean mirrored = pin.getKey().startsWith("mirror.") && pin.getKey().endsWith(".source");
      boolean imagePin =
          pin.getKey().matches("kubernetes\\.(postgres|redis|pgbouncer)\\.(image|exporterImage)");
      if (mirrored || imagePin) {
        String image = pin.getValue();
        int colon = image.lastIndexOf(':');
        expected.put(image.substring(0, colon), image.substring(colon + 1));
      }
    }
    expected.put("google", pins.get("terraform.providers.google"));
    expected.put("random", pins.get("terraform.providers.random"));
    for (String tool : List.of("k3d", "kubectl", "terraform")) {
      expected.put(tool, pins.get("tools." + tool + ".tested"));
    }
    return expected;
  }

  @Test
  void everyPinOfVersionsYamlIsFoundWithItsValue() throws IOException {
    String text = Files.readString(ROOT.resolve("infra/versions.yaml"));
    assertThat(dependencies(config, "infra/versions.yaml", text))
        .containsExactlyInAnyOrderEntriesOf(expectedFromVersionsYaml());
  }

  @Test
  void theToolVersionsInTheWorkflowsAreTheSameDependencies() throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    for (GithubWorkflows.Workflow workflow : GithubWorkflows.all()) {
      found.putAll(dependencies(config, ".github/workflows/" + workflow.name(), workflow.text()));
    }
    assertThat(found)
        .containsOnlyKeys("k3d", "kubectl", "terraform")
        .containsEntry("k3d", pins.get("tools.k3d.tested"))
        .containsEntry("kubectl", pins.get("tools.kubectl.tested"))
        .containsEntry("terraform", pins.get("tools.terraform.tested"));
  }

  @Test
  void aPinTheManagersNoLongerMatchShowsAsMissing() throws IOException {
    String text =
        Files.readString(ROOT.resolve("infra/versions.yaml"))
            .replace("      cni: ", "      cniChart: ")
            .replace("    tested: \"" + pins.get("tools.k3d.tested"), "    pinned: \"5.9.0");
    Map<String, String> found = dependencies(config, "infra/versions.yaml", text);
    assertThat(found).doesNotContainKeys("cni", "k3d").containsKeys("istiod", "kubectl");
    assertThat(dependencies(config, "infra/other.yaml", text)).isEmpty();
  }

  @Test
  void istioAndItsFourChartsAreOneGroup() {
    List<String> grouped = new ArrayList<>();
    for (JsonNode rule : config.path("packageRules")) {
      if ("istio".equals(rule.path("groupName").asText())) {
        rule.path("matchDepNames").forEach(name -> grouped.add(name.asText()));
      }
    }
    assertThat(grouped)
        .containsExactlyInAnyOrder(
            "istio/istio",
            "base",
            "istiod",
            "gateway",
            "cni",
            "docker.io/istio/pilot",
            "docker.io/istio/proxyv2",
            "docker.io/istio/install-cni");
  }

  @Test
  void theMirrorListIsTrackedEntryByEntry() throws IOException {
    String text = Files.readString(ROOT.resolve("infra/versions.yaml"));
    Map<String, String> found = dependencies(config, "infra/versions.yaml", text);

    assertThat(found)
        .containsEntry("docker.io/istio/proxyv2", "1.30.4")
        .containsEntry("quay.io/prometheus/prometheus", "v3.14.0-distroless")
        .containsEntry("edoburu/pgbouncer", "v1.25.2-p0")
        .containsEntry("quay.io/prometheuscommunity/pgbouncer-exporter", "v0.12.1")
        .containsEntry("postgres", "17.6-alpine")
        .containsEntry("redis", "7.2.10-alpine")
        .containsEntry("rancher/k3s", "v1.35.6-k3s1");
    // a source pinned by digest too keeps its tag as the version
    String digest = "sha256:" + "ab".repeat(32);
    assertThat(
            dependencies(
                config,
                "infra/versions.yaml",
                "mirror:\n  x: {source: \"quay.io/a/b:v1.2.3@" + digest + "\", pin: k}\n"))
        .containsExactly(Map.entry("quay.io/a/b", "v1.2.3"));
    // an entry in another shape is not found, so a test of the real list would miss it
    assertThat(
            dependencies(config, "infra/versions.yaml", "mirror:\n  x: \"quay.io/a/b:v1.2.3\"\n"))
        .isEmpty();
  }

  /**
   * The shape Renovate's configuration validator checks, as far as a test without Renovate can:
   * each custom manager is a regex manager with file patterns, a datasource, and match strings that
   * compile, name the version and the dependency, and use no lookaround (Renovate runs them with
   * RE2, which has none); each package rule names dependencies the managers find.
   */
  @Test
  void everyManagerAndRuleHasAShapeRenovateAccepts() throws IOException {
    java.util.Set<String> found = new java.util.TreeSet<>();
    found.addAll(
        dependencies(
                config,
                "infra/versions.yaml",
                Files.readString(ROOT.resolve("infra/versions.yaml")))
            .keySet());
    for (GithubWorkflows.Workflow workflow : GithubWorkflows.all()) {
      found.addAll(
          dependencies(config, ".github/workflows/" + workflow.name(), workflow.text()).keySet());
    }
    for (JsonNode manager : config.path("customManagers")) {
      String name = manager.path("description").path(0).asText();
      assertThat(manager.path("customType").asText()).as(name).isEqualTo("regex");
      assertThat(manager.path("managerFilePatterns").size()).as(name).isPositive();
      assertThat(manager.path("datasourceTemplate").asText()).as(name).isNotBlank();
      for (JsonNode matchString : manager.path("matchStrings")) {
        String regex = matchString.asText();
        assertThat(regex)
            .as(name)
            .contains("(?<currentValue>")
            .doesNotContain("(?=", "(?!", "(?<=", "(?<!");
        assertThat(manager.has("depNameTemplate") || regex.contains("(?<depName>"))
            .as(name + ": names the dependency")
            .isTrue();
        Pattern.compile(regex);
      }
    }
    for (JsonNode rule : config.path("packageRules")) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      rule.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .isSubsetOf(
              "description",
              "matchDepNames",
              "matchPackageNames",
              "matchUpdateTypes",
              "groupName",
              "allowedVersions",
              "enabled");
      rule.path("matchDepNames")
          .forEach(
              dep -> assertThat(found).as("a dependency the managers find").contains(dep.asText()));
    }
  }

  @Test
  void actionsStayPinnedByDigestAndMinimumsAreNotTouched() throws IOException {
    assertThat(config.path("extends").toString()).contains("helpers:pinGitHubActionDigests");
    String text = Files.readString(ROOT.resolve("infra/versions.yaml"));
    Map<String, String> found = dependencies(config, "infra/versions.yaml", text);
    assertThat(found).doesNotContainValue(pins.get("tools.k3d.minimum"));
    assertThat(found).doesNotContainValue(pins.get("tools.terraform.minimum"));
  }
}
