package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.check.CheckEngine;
import com.alphintra.infra.check.CheckOptions;
import com.alphintra.infra.check.CheckReport;
import com.alphintra.infra.check.RuleRegistry;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import com.alphintra.infra.platform.ProviderSchema;
import com.alphintra.infra.platform.SchemaBlock;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.TerraformModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository's own Terraform against the real hashicorp/google 6.50 schema of
 * ../shared/schemas.
 */
class InfraProviderSchemaTest {

  private static Path sharedSchema() {
    Path schema =
        InfraTree.repositoryRoot()
            .resolve("../shared/schemas/terraform-google/providers-schema.json")
            .normalize();
    assumeTrue(
        Files.isRegularFile(schema),
        "no provider schema at "
            + schema
            + " (the shared schemas folder is"
            + " not next to this checkout)");
    return schema;
  }

  @Test
  void infraTerraformMatchesTheGoogleProviderSchema() {
    Path schema = sharedSchema();
    Platform platform =
        new PlatformLoader(new FakeProcessRunner())
            .load(InfraTree.repositoryRoot().resolve("infra"), Optional.of(schema));

    assertThat(platform.loadErrors()).isEmpty();
    assertThat(platform.terraform().providerSchema()).isPresent();
    assertThat(platform.terraform().providerSchema().get().resource("google_container_cluster"))
        .isPresent();
    CheckReport report =
        new CheckEngine(RuleRegistry.builtIn())
            .run(
                platform,
                new CheckOptions(
                    Set.of("tf-schema-valid", "tf-schema-deprecated"),
                    Set.of(),
                    Severity.LOW,
                    Optional.empty()));
    assertThat(report.findings()).as("provider schema findings in infra/").isEmpty();
  }

  /**
   * The environment roots' google provider sets no default project or region (the project ID is
   * written once, in the module call): so every resource and data source that has a {@code project}
   * or {@code region} argument must set it itself, or it would land wherever the caller's
   * environment (GOOGLE_PROJECT) points.
   */
  @Test
  void everyGoogleObjectNamesItsProjectAndRegionItself() {
    Path schema = sharedSchema();
    Platform platform =
        new PlatformLoader(new FakeProcessRunner())
            .load(InfraTree.repositoryRoot().resolve("infra"), Optional.of(schema));
    ProviderSchema google = platform.terraform().providerSchema().orElseThrow();

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (TerraformModule module : platform.terraform().modules()) {
      if (!module.directory().toString().contains("terraform/modules")
          && !module.directory().toString().contains("terraform/environments")) {
        continue; // the bootstrap root sets its provider's project from its own variable
      }
      List<Resource> objects = new ArrayList<>(module.resources());
      objects.addAll(module.dataSources());
      for (Resource object : objects) {
        Optional<SchemaBlock> block =
            object.mode() == ResourceMode.DATA
                ? google.dataSource(object.type())
                : google.resource(object.type());
        if (block.isEmpty()) {
          continue; // random_password and other providers' types
        }
        checked++;
        for (String argument : List.of("project", "region")) {
          if (block.get().attribute(argument).filter(a -> a.optional()).isPresent()
              && object.body().attribute(argument).isEmpty()) {
            missing.add(
                module.directory().getFileName() + ": " + object.address() + " " + argument);
          }
        }
      }
    }
    assertThat(checked).as("google resources checked").isGreaterThan(40);
    assertThat(missing).as("objects that fall back to the provider's project or region").isEmpty();
  }
}
