package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.check.rules.env.EnvironmentComparison;
import com.alphintra.infra.check.rules.env.SettingComparison;
import com.alphintra.infra.check.rules.env.SettingValue;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.EnvironmentSettingsReader;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The environment roots call one composition module (modules/platform), which calls the others:
 * what an environment writes as an argument of its {@code module "platform"} call reaches the
 * resources two module calls down, for every environment, and `check --env-diff` points at the
 * main.tf line that sets it. Each value is written once: the roots have no variables.tf or
 * terraform.tfvars to repeat them.
 */
class EnvironmentRootsTest {

  private static final Path INFRA = InfraTree.repositoryRoot().resolve("infra");
  private static Platform platform;

  @BeforeAll
  static void load() {
    platform = new PlatformLoader(new FakeProcessRunner()).load(INFRA, Optional.empty());
  }

  private static SettingComparison setting(List<SettingComparison> all, String name) {
    return all.stream()
        .filter(s -> s.setting().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("--env-diff does not compare " + name));
  }

  @Test
  void rootsWriteTheirValuesOnceInTheModuleCall() throws IOException {
    for (Environment environment : Environment.values()) {
      Path root = INFRA.resolve("terraform/environments").resolve(environment.id());
      assertThat(root.resolve("main.tf")).isRegularFile();
      assertThat(root.resolve("variables.tf")).doesNotExist();
      assertThat(root.resolve("terraform.tfvars")).doesNotExist();
      for (String shared : List.of("outputs.tf", "moved.tf")) {
        assertThat(Files.isSymbolicLink(root.resolve(shared)))
            .as("%s/%s is a link to the one shared copy", environment.id(), shared)
            .isTrue();
        assertThat(Files.readSymbolicLink(root.resolve(shared)))
            .isEqualTo(Path.of("../../modules/platform/environment-root", shared));
      }
      assertThat(new EnvironmentSettingsReader(root.getParent()).read(environment).projectId())
          .isEqualTo("alphintra-" + environment.id());
    }
  }

  @Test
  void moduleCallValuesReachTheResourcesThroughThePlatformModule() throws IOException {
    assertThat(platform.loadErrors()).isEmpty();
    assertThat(platform.terraform().environments()).containsOnlyKeys("dev", "staging", "prod");

    List<SettingComparison> all = EnvironmentComparison.of(platform);

    Map<String, SettingValue> tier = setting(all, "google_redis_instance.cache tier").values();
    assertThat(tier.get("dev").shown()).isEqualTo("BASIC");
    assertThat(tier.get("staging").shown()).isEqualTo("STANDARD_HA");
    assertThat(tier.get("prod").shown()).isEqualTo("STANDARD_HA");
    Path prodMain = Path.of("infra/terraform/environments/prod/main.tf");
    assertThat(tier.get("prod").file()).isEqualTo(prodMain);
    assertThat(tier.get("prod").line()).isEqualTo(lineOf(prodMain, "redis_tier "));
    Map<String, SettingValue> availability =
        setting(all, "google_sql_database_instance.postgres settings.availability_type").values();
    assertThat(availability.get("dev").shown()).isEqualTo("ZONAL");
    assertThat(availability.get("prod").shown()).isEqualTo("REGIONAL");
    Map<String, SettingValue> enforcement =
        setting(
                all,
                "google_binary_authorization_policy.project"
                    + " default_admission_rule.enforcement_mode")
            .values();
    assertThat(enforcement.get("dev").shown()).isEqualTo("DRYRUN_AUDIT_LOG_ONLY");
    assertThat(enforcement.get("prod").shown()).isEqualTo("ENFORCED_BLOCK_AND_AUDIT_LOG");
  }

  /** The 1-based line of the first line of the repository file that contains the text. */
  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(InfraTree.repositoryRoot().resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(file + " has no line with " + text);
  }

  @Test
  void deletionProtectionLeftToTheDefaultIsTheModulesDefault() {

    Map<String, SettingValue> protection =
        setting(
                EnvironmentComparison.of(platform),
                "google_sql_database_instance.postgres deletion_protection")
            .values();

    assertThat(protection).containsOnlyKeys("dev", "staging", "prod");
    protection.values().forEach(value -> assertThat(value.shown()).isEqualTo("true"));
    assertThat(protection.get("prod").file())
        .isEqualTo(Path.of("infra/terraform/modules/platform/variables.tf"));
  }
}
