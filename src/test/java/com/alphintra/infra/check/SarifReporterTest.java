package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SARIF log is valid against the OASIS SARIF 2.1.0 schema and has what GitHub code scanning
 * reads.
 */
class SarifReporterTest {

  private final ObjectMapper json = new ObjectMapper();

  private JsonNode render(CheckReport report) throws Exception {
    return json.readTree(new SarifReporter("0.1.0").render(report));
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in =
        SarifReporterTest.class.getResourceAsStream("/check/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void isValidAgainstTheSarif210Schema() throws Exception {
    JsonSchema schema = schema();

    Set<ValidationMessage> errors = schema.validate(render(Reports.sample()));
    Set<ValidationMessage> cleanErrors = schema.validate(render(Reports.clean()));

    assertThat(errors).isEmpty();
    assertThat(cleanErrors).isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenLog() throws Exception {
    JsonNode broken =
        json.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}}]}");

    assertThat(schema().validate(broken)).isNotEmpty();
  }

  @Test
  void describesEveryRuleAsGitHubCodeScanningReadsIt() throws Exception {
    JsonNode log = render(Reports.sample());
    JsonNode run = log.get("runs").get(0);

    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode rule = run.at("/tool/driver/rules").get(0);
    assertThat(rule.get("id").asText()).isEqualTo("gke-private-nodes");
    assertThat(rule.get("name").asText()).isEqualTo("GkePrivateNodes");
    assertThat(rule.at("/shortDescription/text").asText())
        .isEqualTo("GKE nodes have no public IP addresses");
    assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
    assertThat(rule.at("/help/text").asText())
        .contains("enable_private_nodes = true", "CKV_GCP_25");
    assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(rule.at("/properties/tags").toString()).contains("gke", "security");
    assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("8.0");
  }

  @Test
  void locatesEachResultRelativeToTheRepositoryRoot() throws Exception {
    JsonNode run = render(Reports.sample()).get("runs").get(0);
    JsonNode result = run.get("results").get(0);

    assertThat(result.get("ruleId").asText()).isEqualTo("k8s-run-as-non-root");
    assertThat(run.at("/tool/driver/rules").get(result.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("k8s-run-as-non-root");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/message/text").asText()).contains("runs as root");
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText())
        .isEqualTo("infra/kubernetes/base/api.yaml");
    assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(12);
  }

  @Test
  void reportsUnreadableFilesAsToolNotifications() throws Exception {
    JsonNode invocation = render(Reports.sample()).at("/runs/0/invocations/0");

    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notification = invocation.at("/toolExecutionNotifications/0");
    assertThat(notification.get("level").asText()).isEqualTo("error");
    assertThat(notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("infra/kubernetes/base/broken.yaml");
    assertThat(notification.at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(4);
  }
}
