package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards are valid JSON, labelled for Grafana's sidecar, with unique uids. */
class GrafanaDashboardsTest {

  @Test
  void dashboardsAreValidJsonWithUniqueUids() throws Exception {
    Map<String, String> uidToFile = new HashMap<>();
    List<String> problems = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : InfraTree.yamlFiles()) {
      if (!file.getParent().endsWith("dashboards")) {
        continue;
      }
      for (Object doc : InfraTree.documents(file)) {
        if (!"ConfigMap".equals(InfraTree.at(doc, "kind").orElse(null))) {
          continue;
        }
        if (!"1"
            .equals(InfraTree.at(doc, "metadata", "labels", "grafana_dashboard").orElse(null))) {
          problems.add(file + ": not labelled grafana_dashboard: \"1\"");
        }
        for (Map.Entry<String, Object> entry :
            InfraTree.map(InfraTree.at(doc, "data").orElse(Map.of())).entrySet()) {
          JsonNode dashboard = json.readTree(entry.getValue().toString());
          String uid = dashboard.path("uid").asText("");
          if (uid.isEmpty()) {
            problems.add(file + " " + entry.getKey() + ": no uid");
          } else if (uidToFile.put(uid, file + " " + entry.getKey()) != null) {
            problems.add(
                file
                    + " "
                    + entry.getKey()
                    + ": uid "
                    + uid
                    + " also used by "
                    + uidToFile.get(uid));
          }
          assertThat(dashboard.path("panels").isArray()).as(file + " has panels").isTrue();
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(uidToFile).hasSizeGreaterThanOrEqualTo(3);
  }
}
