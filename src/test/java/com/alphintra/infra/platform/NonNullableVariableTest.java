package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.terraform.ModuleInstance;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.TerraformLoader;
import com.alphintra.infra.terraform.TerraformProject;
import com.alphintra.infra.terraform.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller's {@code null} for a variable declared {@code nullable = false} means its default, as in
 * Terraform (the environment roots pass {@code deletion_protection = null} unless tfvars sets it);
 * for a nullable variable it stays null. The value's origin follows the same path.
 */
class NonNullableVariableTest {

  private static ModuleInstance child(Path dir, String tfvars) throws IOException {
    Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(dir.resolve("mod"));
    Files.writeString(
        dir.resolve("root/main.tf"),
        """
        variable "keep" { default = null }
        module "m" {
          source = "../mod"
          keep   = var.keep
          open   = null
        }
        """);
    Files.writeString(dir.resolve("root/terraform.tfvars"), tfvars);
    Files.writeString(
        dir.resolve("mod/main.tf"),
        """
        variable "keep" {
          type     = bool
          default  = true
          nullable = false
        }
        variable "open" {
          type    = bool
          default = true
        }
        resource "google_x" "a" {
          keep = var.keep
          open = var.open
        }
        """);
    TerraformProject project = TerraformLoader.loadProject(dir);
    return project
        .rootInstance(dir.resolve("root").toAbsolutePath().normalize())
        .orElseThrow()
        .child("m")
        .orElseThrow();
  }

  @Test
  void nullMeansTheDefaultOnlyForANonNullableVariable(@TempDir Path dir) throws IOException {
    ModuleInstance module = child(dir, "");

    assertThat(module.variable("keep")).isEqualTo(Value.of(true));
    assertThat(module.variable("open")).isEqualTo(Value.nullValue());
    Resource resource = module.module().resource("google_x", "a").orElseThrow();
    EvaluationContext context = new EvaluationContext("dev", module);
    assertThat(context.origin(resource.body().attribute("keep").orElseThrow().value()).file())
        .endsWith(Path.of("mod/main.tf"));
    assertThat(
            context.origin(resource.body().attribute("keep").orElseThrow().value()).start().line())
        .isEqualTo(3);
  }

  @Test
  void aValueTheCallerSetsIsPassedAndItsOriginIsTheCallers(@TempDir Path dir) throws IOException {
    ModuleInstance module = child(dir, "keep = false\n");

    assertThat(module.variable("keep")).isEqualTo(Value.of(false));
    Resource resource = module.module().resource("google_x", "a").orElseThrow();
    EvaluationContext context = new EvaluationContext("dev", module);
    assertThat(context.origin(resource.body().attribute("keep").orElseThrow().value()).file())
        .endsWith(Path.of("root/terraform.tfvars"));
  }
}
