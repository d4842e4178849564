package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.hcl.TemplateExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading modules and a whole tree into the configuration model. */
class TerraformLoaderTest {

  static final Path PROJECT = Path.of("src/test/resources/terraform/project");
  static final Path DEV = PROJECT.resolve("environments/dev");

  @Test
  void aRootModuleHasItsBlocksSettingsAndTfvars() throws IOException {
    TerraformModule dev = TerraformLoader.loadModule(DEV);

    assertThat(dev.directory()).isEqualTo(DEV.toAbsolutePath().normalize());
    assertThat(dev.files()).hasSize(4);
    assertThat(dev.moduleCalls())
        .extracting(ModuleCall::name)
        .containsExactly("network", "cluster", "remote");
    assertThat(dev.dataSources())
        .extracting(Resource::address)
        .containsExactly("data.google_client_config.current");
    assertThat(dev.providers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("google");
              assertThat(p.alias()).isEmpty();
              assertThat(p.body().attribute("region")).isPresent();
            });
    assertThat(dev.locals()).extracting(Local::name).containsExactly("environment", "name");
    assertThat(dev.output("cluster_private"))
        .get()
        .satisfies(
            o -> {
              assertThat(o.description()).contains("Private nodes in dev.");
              assertThat(o.sensitive()).isFalse();
              assertThat(o.value()).isPresent();
            });

    TerraformSettings settings = dev.settings().orElseThrow();
    assertThat(settings.requiredVersion()).contains(">= 1.6.0");
    assertThat(settings.requiredProviders().get("google"))
        .extracting(RequiredProvider::source, RequiredProvider::version)
        .containsExactly(Optional.of("hashicorp/google"), Optional.of(">= 6.50, < 7.0"));
    assertThat(settings.requiredProviders().get("random").version()).contains("~> 3.6");
    assertThat(settings.backend())
        .get()
        .satisfies(
            b -> {
              assertThat(b.type()).isEqualTo("gcs");
              assertThat(b.config().attribute("prefix")).isPresent();
              assertThat(b.range().describe()).endsWith("backend.tf:2:3");
            });

    assertThat(dev.tfvars().keySet())
        .containsExactlyInAnyOrder("project_id", "region", "cidr", "private_nodes");
    assertThat(((TemplateExpr) dev.tfvars().get("region").value()).literalValue())
        .contains("europe-west3");
  }

  @Test
  void moduleCallsKeepSourceArgumentsAndResolveLocalDirectories() throws IOException {
    TerraformModule dev = TerraformLoader.loadModule(DEV);
    ModuleCall network = dev.moduleCall("network").orElseThrow();
    assertThat(network.source()).contains("../../modules/network");
    assertThat(network.localSource())
        .contains(PROJECT.resolve("modules/network").toAbsolutePath().normalize());
    assertThat(network.arguments().keySet())
        .containsExactlyInAnyOrder("name", "cidr", "subnet_names");
    assertThat(network.isRepeated()).isFalse();
    ModuleCall remote = dev.moduleCall("remote").orElseThrow();
    assertThat(remote.localSource()).isEmpty();
    assertThat(remote.arguments()).isEmpty();
    assertThat(network.range().describe()).endsWith("main.tf:11:1");
  }

  @Test
  void variablesCarryTypeDefaultDescriptionValidationsAndSensitivity() throws IOException {
    TerraformModule network = TerraformLoader.loadModule(PROJECT.resolve("modules/network"));
    Variable cidr = network.variable("cidr").orElseThrow();
    assertThat(cidr.type()).isPresent();
    assertThat(cidr.defaultValue()).isPresent();
    assertThat(cidr.isRequired()).isFalse();
    assertThat(cidr.description()).contains("The network's address space.");
    assertThat(cidr.validations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.condition()).isPresent();
              assertThat(v.errorMessage()).isPresent();
            });
    assertThat(cidr.sensitive()).isFalse();
    assertThat(network.variable("name").orElseThrow().isRequired()).isTrue();
    assertThat(network.resources())
        .extracting(Resource::address)
        .containsExactly("google_compute_network.this", "google_compute_subnetwork.this");
    assertThat(network.resource("google_compute_subnetwork", "this").orElseThrow().forEach())
        .isPresent();
    assertThat(network.resources("google_compute_network")).hasSize(1);
  }

  @Test
  void aProjectHoldsEveryModuleAndKnowsItsRoots() throws IOException {
    TerraformProject project = TerraformLoader.loadProject(PROJECT);
    Path root = PROJECT.toAbsolutePath().normalize();
    assertThat(project.modules().keySet())
        .containsExactlyInAnyOrder(
            root.resolve("environments/dev"),
            root.resolve("environments/prod"),
            root.resolve("modules/cluster"),
            root.resolve("modules/network"),
            root.resolve("modules/orphan"));
    assertThat(project.roots())
        .extracting(m -> root.relativize(m.directory()).toString())
        .containsExactly("environments/dev", "environments/prod", "modules/orphan");
    ModuleCall call = project.module(DEV).orElseThrow().moduleCall("cluster").orElseThrow();
    assertThat(project.calledModule(call))
        .map(TerraformModule::directory)
        .contains(root.resolve("modules/cluster"));
  }

  @Test
  void hiddenDirectoriesSuchAsDotTerraformAreSkipped(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve(".terraform/modules/copy"));
    Files.writeString(dir.resolve(".terraform/modules/copy/main.tf"), "broken {\n");
    Files.writeString(dir.resolve("main.tf"), "locals {\n  a = 1\n}\n");
    TerraformProject project = TerraformLoader.loadProject(dir);
    assertThat(project.modules()).hasSize(1);
    assertThat(project.roots()).singleElement().satisfies(m -> assertThat(m.locals()).hasSize(1));
  }

  @Test
  void filesSharedThroughSymbolicLinksAreReadInTheDirectoriesThatLinkThem(@TempDir Path dir)
      throws IOException {
    Path shared = Files.createDirectories(dir.resolve("modules/platform/environment-root"));
    Files.writeString(shared.resolve("outputs.tf"), "output \"a\" {\n  value = 1\n}\n");
    for (String env : List.of("dev", "prod")) {
      Path root = Files.createDirectories(dir.resolve("environments").resolve(env));
      Files.writeString(root.resolve("main.tf"), "locals {\n  a = 1\n}\n");
      Files.createSymbolicLink(
          root.resolve("outputs.tf"),
          Path.of("../../modules/platform/environment-root/outputs.tf"));
    }

    TerraformProject project = TerraformLoader.loadProject(dir);

    assertThat(project.modules().keySet())
        .extracting(p -> dir.relativize(p).toString())
        .containsExactlyInAnyOrder("environments/dev", "environments/prod");
    TerraformModule prod = project.module(dir.resolve("environments/prod")).orElseThrow();
    assertThat(prod.outputs()).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("a"));
    assertThat(prod.files())
        .extracting(f -> dir.relativize(f.path()).toString())
        .contains("environments/prod/outputs.tf");
  }

  @Test
  void aDirectoryWithItsOwnFilesBesideSharedOnesIsStillAModule(@TempDir Path dir)
      throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("outputs.tf"), "output \"a\" {\n  value = 1\n}\n");
    Files.writeString(shared.resolve("main.tf"), "locals {\n  b = 2\n}\n");
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("outputs.tf"), Path.of("../shared/outputs.tf"));

    assertThat(TerraformLoader.loadProject(dir).modules().keySet())
        .extracting(p -> dir.relativize(p).toString())
        .containsExactlyInAnyOrder("root", "shared");
  }

  @Test
  void aBrokenSymbolicLinkFailsWithItsName(@TempDir Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("outputs.tf"), Path.of("../gone/outputs.tf"));
    assertThatThrownBy(() -> TerraformLoader.loadModule(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(
            dir.resolve("outputs.tf")
                + " is a symbolic link to ../gone/outputs.tf, which is missing");
  }

  @Test
  void aMalformedFileFailsWithItsPosition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), "resource \"a\" \"b\" {\n  name = \n}\n");
    assertThatThrownBy(() -> TerraformLoader.loadModule(dir))
        .isInstanceOf(HclParseException.class)
        .hasMessageStartingWith(dir.resolve("main.tf") + ":2:10: Invalid expression");
  }

  @Test
  void blocksWithTheWrongNumberOfLabelsAreLeftOut(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("main.tf"), "resource \"only_type\" {\n}\nvariable {\n}\nmoved {\n}\n");
    TerraformModule module = TerraformLoader.loadModule(dir);
    assertThat(module.resources()).isEmpty();
    assertThat(module.variables()).isEmpty();
    assertThat(module.files()).extracting(f -> f.body().blocks().size()).isEqualTo(List.of(3));
  }
}
