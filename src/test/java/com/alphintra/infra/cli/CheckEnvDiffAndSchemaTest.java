package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alphintra check --env-diff} and {@code --provider-schema}. */
class CheckEnvDiffAndSchemaTest {

  private static final String DATA_MODULE =
      """
      variable "availability_type" {
        type        = string
        description = "REGIONAL or ZONAL."
      }

      resource "google_sql_database_instance" "postgres" {
        name             = "postgres"
        database_version = "POSTGRES_17"

        settings {
          tier              = "db-custom-2-7680"
          availability_type = var.availability_type
        }
      }
      """;

  private static final String SCHEMA =
      """
      {"format_version": "1.0", "provider_schemas": {"registry.terraform.io/hashicorp/google": {
        "resource_schemas": {"google_compute_network": {"version": 0, "block": {
          "attributes": {"name": {"type": "string", "required": true}}}}}}}}
      """;

  @TempDir Path root;

  private Services services;

  @BeforeEach
  void workspace() {
    var workspace = TestWorkspace.create(root);
    services =
        new Services(new FakeProcessRunner(), new FakeHostProbe(), () -> Optional.of(workspace));
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void environments(String dev, String staging, String prod) throws IOException {
    write("infra/terraform/modules/data/main.tf", DATA_MODULE);
    String[][] values = {{"dev", dev}, {"staging", staging}, {"prod", prod}};
    for (String[] environment : values) {
      write(
          "infra/terraform/environments/" + environment[0] + "/main.tf",
          "module \"data\" {\n"
              + "  source            = \"../../modules/data\"\n"
              + "  availability_type = \""
              + environment[1]
              + "\"\n}\n");
    }
  }

  @Test
  void envDiffPrintsTheDifferingSettingsAndTheirDirection() throws IOException {
    environments("ZONAL", "REGIONAL", "REGIONAL");

    CliRun run = CliRun.of(services, "check", "--env-diff");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .containsPattern("setting +dev +staging +prod +direction")
        .containsPattern(
            "google_sql_database_instance.postgres settings.availability_type +ZONAL +REGIONAL +REGIONAL"
                + " +right")
        .contains("1 setting differs (0 weaker in a later environment)");
  }

  @Test
  void envDiffExitsOneWhenALaterEnvironmentIsWeaker() throws IOException {
    environments("ZONAL", "REGIONAL", "ZONAL");

    CliRun run = CliRun.of(services, "check", "--env-diff");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("WRONG: weaker later");
  }

  @Test
  void envDiffAsJsonListsEverySettingWithItsFileAndLine() throws IOException {
    environments("ZONAL", "REGIONAL", "REGIONAL");

    CliRun run = CliRun.of(services, "check", "--env-diff", "--output", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"environments\"", "google_sql_database_instance.postgres deletion_protection")
        .containsPattern("\"direction\" ?: \"right\"")
        .containsPattern(
            "\"file\" ?: \"infra/terraform/environments/prod/main.tf\",\\s+\"line\" ?: 3");
  }

  @Test
  void envDiffRefusesSarif() {
    CliRun run = CliRun.of(services, "check", "--env-diff", "--output", "sarif");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--env-diff prints text or json");
  }

  @Test
  void aProviderSchemaFileValidatesResourceBlocks() throws IOException {
    write(
        "infra/terraform/modules/vpc/main.tf",
        "resource \"google_compute_network\" \"main\" {\n  nme = \"alphintra\"\n}\n");
    write("schema.json", SCHEMA);

    CliRun run =
        CliRun.of(
            services,
            "check",
            "--provider-schema",
            root.resolve("schema.json").toString(),
            "--rule",
            "tf-schema-valid");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "google_compute_network.main sets nme, which the provider schema does not define",
            "google_compute_network.main does not set name, which the provider schema requires");
  }

  @Test
  void anUnreadableProviderSchemaExitsTwo() throws IOException {
    write(
        "infra/terraform/modules/vpc/main.tf",
        "resource \"google_compute_network\" \"main\" {\n}\n");

    CliRun run =
        CliRun.of(services, "check", "--provider-schema", root.resolve("missing.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("cannot read the provider schema");
  }
}
