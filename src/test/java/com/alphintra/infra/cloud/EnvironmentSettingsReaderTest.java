package com.alphintra.infra.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project of an environment comes from its {@code module "platform"} call, and only there. */
class EnvironmentSettingsReaderTest {

  @TempDir Path environments;

  private EnvironmentSettings read(String mainTf) throws IOException {
    Path dev = Files.createDirectories(environments.resolve("dev"));
    Files.writeString(dev.resolve("main.tf"), mainTf);
    return new EnvironmentSettingsReader(environments).read(Environment.DEV);
  }

  private static InputException inputError(ThrowingCallable read) {
    InputException e = catchThrowableOfType(read, InputException.class);
    assertThat(e).as("an InputException").isNotNull();
    return e;
  }

  @Test
  void theProjectIsTheModuleCallsLiteralProjectId() throws IOException {
    EnvironmentSettings settings =
        read(
            """
            module "platform" {
              source      = "../../modules/platform"
              environment = "dev"
              project_id  = "acme-dev-1234"
            }
            """);

    assertThat(settings.projectId()).isEqualTo("acme-dev-1234");
    assertThat(settings.directory()).isEqualTo(environments.resolve("dev"));
  }

  @Test
  void aProjectIdInTfvarsAloneIsNotTheEnvironmentsProject() throws IOException {
    Path dev = Files.createDirectories(environments.resolve("dev"));
    Files.writeString(dev.resolve("terraform.tfvars"), "project_id = \"acme-dev-1234\"\n");

    InputException e =
        inputError(
            () ->
                read(
                    """
                    variable "project_id" {}
                    module "platform" {
                      source     = "../../modules/platform"
                      project_id = var.project_id
                    }
                    """));

    assertThat(e.getMessage())
        .isEqualTo("environment dev sets no literal project_id in its module \"platform\" call");
    assertThat(e.location()).contains(dev.resolve("main.tf") + ":4:3");
    assertThat(e.hint())
        .isEqualTo(
            "set project_id = \"<your project>\" in the module \"platform\" call of"
                + " infra/terraform/environments/dev/main.tf");
  }

  @Test
  void aRootWithoutThePlatformCallIsAnInputError() {
    InputException e = inputError(() -> read("module \"other\" {\n  source = \"./x\"\n}\n"));

    assertThat(e.getMessage()).isEqualTo("environment dev has no module \"platform\" call");
    assertThat(e.location()).contains(environments.resolve("dev/main.tf").toString());
  }

  @Test
  void aBlankProjectIdIsAnInputError() {
    InputException e =
        inputError(
            () -> read("module \"platform\" {\n  source     = \"./x\"\n  project_id = \"\"\n}\n"));

    assertThat(e.getMessage()).contains("sets no literal project_id");
  }

  @Test
  void malformedHclPointsAtTheFileAndLine() {
    InputException e = inputError(() -> read("module \"platform\" {\n  project_id = \n"));

    assertThat(e.hint()).isEqualTo("fix the HCL syntax");
    assertThat(e.location())
        .hasValueSatisfying(
            l -> assertThat(l).startsWith(environments.resolve("dev/main.tf") + ":"));
  }

  @Test
  void aMissingRootIsAnInputError() {
    InputException e =
        inputError(() -> new EnvironmentSettingsReader(environments).read(Environment.PROD));

    assertThat(e.getMessage()).isEqualTo("no Terraform root for environment prod");
  }
}
