package com.alphintra.infra.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloudOutputsTest {

  private static final String STATE = PlanSummaryTest.resource("state-dev.json");

  @ParameterizedTest
  @EnumSource(Environment.class)
  void theCommittedExampleHasExactlyTheKeysTheCommandWrites(Environment environment)
      throws Exception {
    Path example =
        Path.of("infra/kubernetes/overlays", environment.id(), CloudOutputsFile.EXAMPLE_NAME);
    CloudOutputs committed = CloudOutputs.read(Files.readString(example), example.toString());

    assertThat(committed.values().keySet())
        .containsExactlyInAnyOrderElementsOf(
            CloudOutputs.parse(STATE, "state")
                .with(CloudOutputs.SAMPLE_SERVICE_TAG, "")
                .values()
                .keySet());
    assertThat(committed.isExample()).isTrue();
  }

  /**
   * Every output {@code cloud outputs} cannot do without (removing it from the recorded state makes
   * it stop) is one the environment roots declare, in their shared outputs.tf.
   */
  @Test
  void theEnvironmentRootsDeclareEveryOutputTheCommandReads() throws Exception {
    String roots =
        Files.readString(Path.of("infra/terraform/modules/platform/environment-root/outputs.tf"));
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.List<String> required = new java.util.ArrayList<>();
    json.readTree(STATE)
        .path("outputs")
        .fieldNames()
        .forEachRemaining(
            name -> {
              try {
                com.fasterxml.jackson.databind.node.ObjectNode state =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(STATE);
                ((com.fasterxml.jackson.databind.node.ObjectNode) state.path("outputs"))
                    .remove(name);
                CloudOutputs.parse(state.toString(), "state");
              } catch (InputException e) {
                required.add(name);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    assertThat(required).contains("project_id", "rbac_groups", "gke_control_plane_cidr");
    assertThat(required)
        .allSatisfy(name -> assertThat(roots).contains("output \"" + name + "\" {"));
  }

  @Test
  void whatIsWrittenReadsBackWithItsState() {
    CloudOutputs parsed = CloudOutputs.parse(STATE, "state");

    CloudOutputs read = CloudOutputs.read(parsed.render(Environment.DEV), "file");

    assertThat(read.values()).isEqualTo(parsed.values());
    assertThat(read.state()).contains(new StateVersion("6b3e2f0a-1c4d-4e5f-9a8b-7c6d5e4f3a2b", 42));
    assertThat(read.isExample()).isFalse();
  }

  @Test
  void theRbacGroupsBecomeOneKeyPerRoleBinding() {
    CloudOutputs parsed = CloudOutputs.parse(STATE, "state");

    assertThat(parsed.values())
        .containsEntry("RBAC_DEVELOPERS_GROUP", "alphintra-developers@acme-trading.example")
        .containsEntry("RBAC_DEPLOYERS_GROUP", "alphintra-deployers@acme-trading.example");
  }

  @Test
  void withoutGoogleGroupsForRbacTheBareGroupNamesAreWritten() {
    CloudOutputs parsed =
        CloudOutputs.parse(STATE.replace("@acme-trading.example\"", "\""), "state");

    assertThat(parsed.values())
        .containsEntry("RBAC_DEVELOPERS_GROUP", "alphintra-developers")
        .containsEntry("RBAC_DEPLOYERS_GROUP", "alphintra-deployers");
  }

  @Test
  void aMissingOrMalformedRbacGroupStopsWithTheOutputsName() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode state =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(STATE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) state.path("outputs")).remove("rbac_groups");
    String withoutOutput = state.toString();
    assertThat(withoutOutput).doesNotContain("rbac_groups");
    assertThatThrownBy(() -> CloudOutputs.parse(withoutOutput, "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("output 'rbac_groups' is missing from state")
        .satisfies(e -> assertThat(((InputException) e).hint()).contains("docs/cloud-outputs.md"));
    assertThatThrownBy(
            () -> CloudOutputs.parse(STATE.replace("\"deployers\": \"", "\"ci\": \""), "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("output 'rbac_groups' in state has no entry 'deployers'");
    assertThatThrownBy(
            () ->
                CloudOutputs.parse(
                    STATE.replace(
                        "alphintra-developers@acme-trading.example", "Alphintra Developers"),
                    "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("rbac_groups[\"developers\"]")
        .hasMessageContaining("not a Google group email");
  }

  @Test
  void aLaterSerialOrAnotherLineageMakesTheFileOlder() {
    StateVersion recorded = new StateVersion("a", 42);

    assertThat(recorded.isOlderThan(new StateVersion("a", 42))).isFalse();
    assertThat(recorded.isOlderThan(new StateVersion("a", 43))).isTrue();
    assertThat(recorded.isOlderThan(new StateVersion("b", 42))).isTrue();
  }

  @Test
  void malformedFilesAndValuesAreInputErrors() {
    assertThatThrownBy(() -> CloudOutputs.read("PROJECT_ID=x\nnot a line\n", "f"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("f:2: not a KEY=value line");
    assertThatThrownBy(() -> CloudOutputs.read("STATE_LINEAGE=a\nSTATE_SERIAL=forty\n", "f"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("STATE_SERIAL 'forty' is not a number");
    assertThatThrownBy(
            () -> CloudOutputs.parse(STATE.replace("10.10.32.3", "10.10.32.300"), "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("output 'cloudsql_private_ip'")
        .hasMessageContaining("not an IPv4 address");
    assertThatThrownBy(
            () ->
                CloudOutputs.parse(
                    STATE.replace(
                        "\"alphintra-dev-jwt-signing-key\"",
                        "\"projects/acme-trading-dev/secrets/alphintra-dev-jwt-signing-key\""),
                    "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("secret_manager_secret_ids[\"jwt-signing-key\"]");
    assertThatThrownBy(
            () ->
                CloudOutputs.parse(
                    STATE.replace(
                        "\"risk-service\": \"risk-service-dev", "\"risk\": \"risk-service-dev"),
                    "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("has no entry 'risk-service'");
    assertThatThrownBy(() -> CloudOutputs.parse("[1, 2]", "state"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a JSON object");
  }
}
