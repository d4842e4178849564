package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.cloud.CloudOutputs;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Google Groups for RBAC: on GKE the base's RoleBindings name the groups of Terraform's output
 * {@code rbac_groups} (through cloud-outputs.env), bound to the same least-privilege ClusterRoles;
 * the local overlay keeps the in-cluster group names.
 */
class CloudOverlayRbacTest {

  private static final String STATE = "src/test/resources/cloud/state-dev.json";

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(InfraTree.hasKubectl(), "kubectl is not on the PATH: cannot render the overlays");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void withTheExampleOutputsEveryRoleBindingNamesTheExampleGroups(String environment) {
    InfraTree.Rendered rendered = InfraTree.render(environment);
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();

    assertThat(bindings(rendered.yaml()))
        .containsExactlyInAnyOrder(
            "alphintra/alphintra-developer -> ClusterRole alphintra-developer: Group alphintra-developers@example.com",
            "alphintra-data/alphintra-developer -> ClusterRole alphintra-developer: Group alphintra-developers@example.com",
            "observability/alphintra-developer -> ClusterRole alphintra-developer: Group alphintra-developers@example.com",
            "alphintra/alphintra-deployer -> ClusterRole alphintra-deployer: Group alphintra-deployers@example.com",
            "alphintra-data/alphintra-deployer -> ClusterRole alphintra-deployer: Group alphintra-deployers@example.com",
            "observability/alphintra-deployer -> ClusterRole alphintra-deployer: Group alphintra-deployers@example.com");
    assertThat(rendered.yaml()).doesNotContain("${").doesNotContain("cloud-outputs.");
  }

  @Test
  void withOutputsWrittenFromAStateTheRoleBindingsNameThatDomainsGroups(@TempDir Path copy)
      throws Exception {
    String yaml = renderDevWith(copy, outputs(Files.readString(Path.of(STATE))));

    assertThat(bindings(yaml))
        .hasSize(6)
        .allSatisfy(
            binding ->
                assertThat(binding)
                    .matches(
                        ".* -> ClusterRole alphintra-(developer: Group alphintra-developers"
                            + "|deployer: Group alphintra-deployers)@acme-trading\\.example"));
    assertThat(yaml).doesNotContain("${").doesNotContain("@example.com");
  }

  @Test
  void withoutGoogleGroupsForRbacTheBareNamesAreBoundAndGrantNothingOnGke(@TempDir Path copy)
      throws Exception {
    String yaml =
        renderDevWith(
            copy,
            outputs(Files.readString(Path.of(STATE)).replace("@acme-trading.example\"", "\"")));

    assertThat(bindings(yaml))
        .hasSize(6)
        .allSatisfy(binding -> assertThat(binding).endsWith("s").doesNotContain("@"));
  }

  @Test
  void theLocalOverlayKeepsTheInClusterGroupNames() {
    InfraTree.Rendered rendered = InfraTree.render("local");
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();

    assertThat(bindings(rendered.yaml()))
        .hasSize(6)
        .allSatisfy(
            binding ->
                assertThat(binding)
                    .matches(
                        ".* -> ClusterRole alphintra-(developer: Group alphintra-developers"
                            + "|deployer: Group alphintra-deployers)"));
  }

  @Test
  void anOutputsFileWithoutTheGroupsDoesNotRender(@TempDir Path copy) throws Exception {
    String outputs =
        outputs(Files.readString(Path.of(STATE)))
            .replaceAll("(?m)^RBAC_DEVELOPERS_GROUP=.*\\n", "");

    ProcessResult result = kustomizeDevWith(copy, outputs);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr()).contains("RBAC_DEVELOPERS_GROUP");
  }

  /** What `cloud outputs` writes from a state, and `cloud images` adds. */
  private static String outputs(String state) {
    return CloudOutputs.parse(state, "state")
        .with(CloudOutputs.SAMPLE_SERVICE_TAG, "0.1.0-3f9a1c2b4d5e@sha256:" + "ab".repeat(32))
        .render(Environment.DEV);
  }

  /** Each RoleBinding and ClusterRoleBinding as "ns/name -> Kind role: Kind subject, ...". */
  private static List<String> bindings(String yaml) {
    List<String> bindings = new ArrayList<>();
    for (Object document : InfraTree.documents(yaml)) {
      Object kind = InfraTree.map(document).get("kind");
      if (!"RoleBinding".equals(kind) && !"ClusterRoleBinding".equals(kind)) {
        continue;
      }
      Object namespace = InfraTree.at(document, "metadata", "namespace").orElse("");
      Object name = InfraTree.at(document, "metadata", "name").orElse("");
      Object roleKind = InfraTree.at(document, "roleRef", "kind").orElse("");
      Object roleName = InfraTree.at(document, "roleRef", "name").orElse("");
      List<String> subjects = new ArrayList<>();
      for (Object subject : InfraTree.list(InfraTree.map(document).get("subjects"))) {
        subjects.add(InfraTree.map(subject).get("kind") + " " + InfraTree.map(subject).get("name"));
      }
      bindings.add(
          namespace
              + "/"
              + name
              + " -> "
              + roleKind
              + " "
              + roleName
              + ": "
              + String.join(", ", subjects));
    }
    return bindings;
  }

  private static String renderDevWith(Path copy, String outputs) throws IOException {
    ProcessResult result = kustomizeDevWith(copy, outputs);
    assertThat(result.succeeded()).as(result.describe()).isTrue();
    return result.stdout();
  }

  /** Renders a copy of overlays/dev whose cloud-outputs.env holds {@code outputs}. */
  private static ProcessResult kustomizeDevWith(Path copy, String outputs) throws IOException {
    Path kubernetes = copy.resolve("kubernetes");
    TreeCopy.copy(
        InfraTree.kubernetesDir(),
        kubernetes,
        path -> path.getFileName().toString().equals("cloud-outputs.env"));
    Path overlay = kubernetes.resolve("overlays/dev");
    Files.writeString(overlay.resolve("cloud-outputs.env"), outputs);
    return new SystemProcessRunner()
        .run(
            Command.of("kubectl", "kustomize", overlay.toString())
                .withTimeout(Duration.ofMinutes(2)));
  }
}
