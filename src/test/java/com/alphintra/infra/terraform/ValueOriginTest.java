package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.hcl.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value carries where it is written, through an environment root's module call, a composition
 * module and a child module: a finding about a value points at that line.
 */
class ValueOriginTest {

  @TempDir static Path root;
  private static ModuleInstance database;

  @BeforeAll
  static void load() throws IOException {
    write(
        "environments/prod/main.tf",
        """
        module "platform" {
          source = "../../modules/platform"

          deletion_protection = false
          flags = {
            log_connections = "off"
          }
          tier = null
        }
        """);
    write(
        "modules/platform/main.tf",
        """
        variable "deletion_protection" {
          type = bool
        }
        variable "flags" {
          type = map(string)
        }
        variable "tier" {
          type     = string
          nullable = false
          default  = "db-custom-2-7680"
        }
        locals {
          name = "alphintra"
          defaults = {
            log_checkpoints = "on"
          }
        }
        module "db" {
          source              = "../db"
          deletion_protection = var.deletion_protection
          flags               = merge(local.defaults, var.flags)
          tier                = var.tier
          name                = upper(local.name)
          retained            = 3 * 10
          settings = {
            for key, value in var.flags : key => { value = value }
          }
        }
        """);
    write(
        "modules/db/main.tf",
        """
        variable "deletion_protection" {}
        variable "flags" {}
        variable "tier" {}
        variable "name" {}
        variable "retained" {}
        variable "settings" {}
        """);
    TerraformProject project = TerraformLoader.loadProject(root);
    database =
        project
            .rootInstance(root.resolve("environments/prod").toAbsolutePath().normalize())
            .orElseThrow()
            .child("platform")
            .orElseThrow()
            .child("db")
            .orElseThrow();
  }

  @Test
  void aValueFromTheRootsModuleCallPointsThere() {
    assertThat(where(database.variable("deletion_protection")))
        .isEqualTo("environments/prod/main.tf:4");
  }

  @Test
  void eachEntryOfAMergedMapKeepsItsOwnOrigin() {
    MapValue flags = (MapValue) database.variable("flags");

    assertThat(where(flags.get("log_connections").orElseThrow()))
        .isEqualTo("environments/prod/main.tf:6");
    assertThat(where(flags.get("log_checkpoints").orElseThrow()))
        .isEqualTo("modules/platform/main.tf:15");
    assertThat(where(flags))
        .as("the merged map is made by merge()")
        .isEqualTo("modules/platform/main.tf:21");
  }

  @Test
  void nullForANonNullableVariableIsItsDefault() {
    assertThat(database.variable("tier")).isEqualTo(Value.of("db-custom-2-7680"));
    assertThat(where(database.variable("tier"))).isEqualTo("modules/platform/main.tf:10");
  }

  @Test
  void aNewValueIsWhereTheOperationOrFunctionIs() {
    assertThat(where(database.variable("name"))).isEqualTo("modules/platform/main.tf:23");
    assertThat(where(database.variable("retained"))).isEqualTo("modules/platform/main.tf:24");
  }

  @Test
  void aForExpressionKeepsTheOriginsOfTheValuesItPassesOn() {
    MapValue settings = (MapValue) database.variable("settings");
    MapValue connections = (MapValue) settings.get("log_connections").orElseThrow();

    assertThat(where(connections.get("value").orElseThrow()))
        .isEqualTo("environments/prod/main.tf:6");
    assertThat(where(connections)).isEqualTo("modules/platform/main.tf:26");
  }

  @Test
  void theOriginIsNotPartOfTheValue() {
    Value written = database.variable("deletion_protection");

    assertThat(written.origin()).isPresent();
    assertThat(written).isEqualTo(Value.of(false)).hasSameHashCodeAs(Value.of(false));
    assertThat(Value.map(Map.of("a", written))).isEqualTo(Value.map(Map.of("a", Value.of(false))));
    assertThat(Value.list(List.of(written))).isEqualTo(Value.list(List.of(Value.of(false))));
    assertThat(Value.unknown().withOrigin(written.origin().get())).isEqualTo(Value.unknown());
    assertThat(Value.unknown().origin()).isEmpty();
  }

  private static String where(Value value) {
    Optional<Range> origin = value.origin();
    assertThat(origin).as("origin of %s", value).isPresent();
    Path file = origin.get().file();
    Path relative = file.isAbsolute() ? root.toAbsolutePath().normalize().relativize(file) : file;
    return relative + ":" + origin.get().start().line();
  }

  private static void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
