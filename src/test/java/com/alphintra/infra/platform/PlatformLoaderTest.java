package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformLoaderTest {

  @TempDir Path root;

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Platform load(FakeProcessRunner processes) {
    return new PlatformLoader(processes).load(root.resolve("infra"));
  }

  @Test
  void malformedFilesBecomeLoadErrorsWithTheirPositionAndTheOthersStillLoad() throws IOException {
    write(
        "infra/terraform/modules/gke/main.tf",
        "resource \"google_container_cluster\" \"primary\" {\n  name = \n");
    write(
        "infra/terraform/modules/vpc/main.tf", "resource \"google_compute_network\" \"main\" {}\n");
    write(
        "infra/kubernetes/base/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: x\n");
    write(
        "infra/kubernetes/base/ok.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n");

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.loadErrors())
        .extracting(LoadError::location)
        .containsExactlyInAnyOrder(
            "infra/kubernetes/base/broken.yaml:4:1",
            platform.loadErrors().stream()
                .filter(e -> e.file().toString().endsWith("main.tf"))
                .findFirst()
                .orElseThrow()
                .location());
    assertThat(platform.loadErrors())
        .anySatisfy(
            error -> {
              assertThat(error.file()).isEqualTo(Path.of("infra/terraform/modules/gke/main.tf"));
              assertThat(error.line()).isPositive();
              assertThat(error.message()).startsWith("malformed HCL:");
            });
    assertThat(platform.terraform().resources("google_compute_network")).hasSize(1);
    assertThat(platform.kubernetes().ofKind("Service"))
        .extracting(LoadedObject::name)
        .containsExactly("api");
    assertThat(platform.files()).hasSize(4);
  }

  @Test
  void aMissingDirectoryIsAnInputError() {
    assertThatThrownBy(() -> new PlatformLoader(new FakeProcessRunner()).load(root.resolve("nope")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such directory");
  }

  @Test
  void pathsAreRelativeToTheFolderHoldingInfra() throws IOException {
    write(
        "infra/kubernetes/base/ok.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n");

    Platform platform =
        new PlatformLoader(new FakeProcessRunner()).load(root.resolve("infra/kubernetes"));

    assertThat(platform.root()).isEqualTo(root.toAbsolutePath().normalize());
    assertThat(platform.files()).containsExactly(Path.of("infra/kubernetes/base/ok.yaml"));
  }

  @Test
  void overlaysAreRenderedThroughKubectlAndIndexed() throws IOException {
    write(
        "infra/kubernetes/overlays/local/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n");
    FakeProcessRunner kubectl =
        new FakeProcessRunner()
            .succeeds(
                """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: alphintra
          labels: {app.kubernetes.io/name: api}
        """,
                "kubectl",
                "kustomize");

    Platform platform = load(kubectl);

    assertThat(kubectl.commandLines())
        .singleElement()
        .asString()
        .startsWith("kubectl kustomize ")
        .endsWith("infra/kubernetes/overlays/local");
    KubernetesView local = platform.overlays().get("local");
    assertThat(local.find("Service", Optional.of("alphintra"), "api")).hasSize(1);
    assertThat(local.withLabel("app.kubernetes.io/name", "api"))
        .singleElement()
        .satisfies(
            object -> {
              assertThat(object.overlay()).contains("local");
              assertThat(object.file()).isEqualTo(Path.of("infra/kubernetes/overlays/local"));
            });
    assertThat(platform.kubernetes().objects()).as("kustomization files are not objects").isEmpty();
    assertThat(platform.notes()).isEmpty();
  }

  @Test
  void withoutKubectlTheLooseFilesAreLoadedAndTheReportSaysSo() throws IOException {
    write("infra/kubernetes/overlays/local/kustomization.yaml", "resources: [../../base]\n");

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.overlays()).isEmpty();
    assertThat(platform.notes()).singleElement().asString().contains("kubectl is not installed");
    assertThat(platform.loadErrors()).isEmpty();
  }

  @Test
  void aFailingOverlayIsALoadError() throws IOException {
    write("infra/kubernetes/overlays/dev/kustomization.yaml", "resources: [missing.yaml]\n");

    Platform platform =
        load(new FakeProcessRunner().fails(1, "error: missing.yaml not found", "kubectl"));

    assertThat(platform.loadErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.location())
                  .isEqualTo("infra/kubernetes/overlays/dev/kustomization.yaml");
              assertThat(error.message())
                  .contains("cannot render overlay dev", "missing.yaml not found");
            });
  }

  @Test
  void commentsAreKeptWithTheirLineAndPlacement() throws IOException {
    write(
        "infra/terraform/modules/vpc/main.tf",
        """
        # alphintra:ignore net-vpc-custom-mode reason="sandbox"
        resource "google_compute_network" "main" {
          auto_create_subnetworks = true // trailing
        }
        """);
    write("infra/kubernetes/base/a.yaml", "# own line\napiVersion: v1 # trailing\nkind: Service\n");

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.comments().get(Path.of("infra/terraform/modules/vpc/main.tf")))
        .containsExactly(
            new SourceComment(1, "alphintra:ignore net-vpc-custom-mode reason=\"sandbox\"", true),
            new SourceComment(3, "trailing", false));
    assertThat(platform.comments().get(Path.of("infra/kubernetes/base/a.yaml")))
        .extracting(SourceComment::line, SourceComment::ownLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
  }

  @Test
  void eachEnvironmentThatCallsAModuleIsAnEvaluationContext() throws IOException {
    write(
        "infra/terraform/modules/gke/main.tf",
        """
        resource "google_container_cluster" "primary" {
          private_cluster_config {
            enable_private_nodes = var.private_nodes
          }
          name = "${var.prefix}-gke"
        }
        """);
    write(
        "infra/terraform/modules/gke/variables.tf",
        """
        variable "private_nodes" { default = true }
        variable "prefix" { type = string }
        """);
    write(
        "infra/terraform/environments/dev/main.tf",
        """
        module "gke" {
          source        = "../../modules/gke"
          private_nodes = var.private
          prefix        = "dev"
        }
        variable "private" { default = true }
        """);
    write("infra/terraform/environments/dev/terraform.tfvars", "private = false\n");
    write(
        "infra/terraform/environments/prod/main.tf",
        """
        module "gke" {
          source = "../../modules/gke"
          prefix = local.name
        }
        locals { name = "prod" }
        """);

    Platform platform = load(new FakeProcessRunner());
    TerraformView terraform = platform.terraform();
    TerraformResource cluster = terraform.resources("google_container_cluster").get(0);

    assertThat(terraform.contexts(cluster))
        .extracting(EvaluationContext::name)
        .containsExactly("dev", "prod");
    assertThat(terraform.values(cluster, "private_cluster_config.enable_private_nodes"))
        .extracting(TerraformValue::value, TerraformValue::where)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, " (in dev)"),
            org.assertj.core.groups.Tuple.tuple(true, " (in prod)"));
    assertThat(terraform.values(cluster, "name"))
        .extracting(TerraformValue::value)
        .containsExactly("dev-gke", "prod-gke");
    assertThat(cluster.lineOf("private_cluster_config.enable_private_nodes")).isEqualTo(3);
    assertThat(cluster.lineOf("workload_identity_config.workload_pool")).isEqualTo(1);
  }

  @Test
  void filesTheRootsLinkToAreReadThroughTheLinksOnly() throws IOException {
    write(
        "infra/terraform/modules/platform/environment-root/outputs.tf",
        "output \"name\" {\n  value = module.platform.name\n}\n");
    write("infra/terraform/modules/platform/outputs.tf", "output \"name\" {\n  value = 1\n}\n");
    for (String environment : List.of("dev", "prod")) {
      write(
          "infra/terraform/environments/" + environment + "/main.tf",
          "module \"platform\" {\n  source = \"../../modules/platform\"\n}\n");
      Files.createSymbolicLink(
          root.resolve("infra/terraform/environments/" + environment + "/outputs.tf"),
          Path.of("../../modules/platform/environment-root/outputs.tf"));
    }

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.loadErrors()).isEmpty();
    assertThat(platform.terraform().modules())
        .extracting(m -> root.resolve("infra").getParent().relativize(m.directory()).toString())
        .containsExactlyInAnyOrder(
            "infra/terraform/environments/dev",
            "infra/terraform/environments/prod",
            "infra/terraform/modules/platform");
    assertThat(platform.terraform().environments().get("prod").outputs())
        .extracting(o -> o.name())
        .containsExactly("name");
  }

  @Test
  void aLinkToAMissingFileIsALoadError() throws IOException {
    write("infra/terraform/environments/dev/main.tf", "locals {\n  a = 1\n}\n");
    Files.createSymbolicLink(
        root.resolve("infra/terraform/environments/dev/outputs.tf"),
        Path.of("../../modules/platform/environment-root/outputs.tf"));

    Platform platform = load(new FakeProcessRunner());

    assertThat(platform.loadErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.file())
                  .isEqualTo(Path.of("infra/terraform/environments/dev/outputs.tf"));
              assertThat(error.message())
                  .isEqualTo(
                      "a symbolic link to ../../modules/platform/environment-root/outputs.tf,"
                          + " which is missing");
            });
  }
}
