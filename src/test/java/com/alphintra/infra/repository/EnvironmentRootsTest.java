package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.check.rules.env.EnvironmentComparison;
import com.alphintra.infra.check.rules.env.SettingComparison;
import com.alphintra.infra.check.rules.env.SettingValue;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The environment roots call one composition module (modules/platform), which calls the others:
 * what an environment sets in its terraform.tfvars still reaches the resources two module calls
 * down, for every environment, and `check --env-diff` points at the tfvars line that sets it.
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
  void tfvarsValuesReachTheResourcesThroughThePlatformModule() {
    assertThat(platform.loadErrors()).isEmpty();
    assertThat(platform.terraform().environments()).containsOnlyKeys("dev", "staging", "prod");

    List<SettingComparison> all = EnvironmentComparison.of(platform);

    Map<String, SettingValue> tier = setting(all, "google_redis_instance.cache tier").values();
    assertThat(tier.get("dev").shown()).isEqualTo("BASIC");
    assertThat(tier.get("staging").shown()).isEqualTo("STANDARD_HA");
    assertThat(tier.get("prod").shown()).isEqualTo("STANDARD_HA");
    assertThat(tier.get("prod").file())
        .isEqualTo(Path.of("infra/terraform/environments/prod/terraform.tfvars"));
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
