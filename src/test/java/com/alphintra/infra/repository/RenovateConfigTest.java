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
        .containsExactlyInAnyOrder("istio/istio", "base", "istiod", "gateway", "cni");
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
