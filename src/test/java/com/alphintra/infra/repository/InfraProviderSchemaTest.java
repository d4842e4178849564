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
import java.nio.file.Files;
import java.nio.file.Path;
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
}
