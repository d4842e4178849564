package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class TextAndJsonReporterTest {

  @Test
  void textGroupsFindingsByFileWithTheFix() {
    String text = new TextReporter(Ansi.OFF).render(Reports.sample());

    assertThat(text)
        .isEqualTo(
            """
        infra/kubernetes/base/api.yaml
          12  HIGH  k8s-run-as-non-root  Deployment alphintra/api container "api" runs as root
              fix: Set securityContext.runAsNonRoot: true (and a non-zero runAsUser) on the pod or on each container.

        infra/terraform/modules/gke/main.tf
          4  HIGH  gke-private-nodes  google_container_cluster.primary sets enable_private_nodes = false
              fix: Set private_cluster_config { enable_private_nodes = true } on the google_container_cluster.

        Could not read (the other files were checked):
          infra/kubernetes/base/broken.yaml:4:1: malformed YAML: expected ','

        2 findings at or above low (5 rules, 1 file, 1 unreadable)
        """);
  }

  @Test
  void textIsColouredOnlyWhenAnsiIsOn() {
    assertThat(new TextReporter(Ansi.OFF).render(Reports.sample())).doesNotContain("\u001B[");
    assertThat(new TextReporter(Ansi.ON).render(Reports.sample())).contains("\u001B[");
  }

  @Test
  void aCleanReportSaysSo() {
    assertThat(new TextReporter(Ansi.OFF).render(Reports.clean()))
        .isEqualTo("No findings at or above low (3 rules, 1 file)\n");
  }

  @Test
  void jsonHasFindingsErrorsAndSummary() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new JsonReporter().render(Reports.sample()));

    JsonNode finding = json.get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("k8s-run-as-non-root");
    assertThat(finding.get("severity").asText()).isEqualTo("high");
    assertThat(finding.get("file").asText()).isEqualTo("infra/kubernetes/base/api.yaml");
    assertThat(finding.get("line").asInt()).isEqualTo(12);
    assertThat(finding.get("remediation").asText()).startsWith("Set securityContext.runAsNonRoot");
    assertThat(json.at("/errors/0/column").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/findings").asInt()).isEqualTo(2);
  }
}
