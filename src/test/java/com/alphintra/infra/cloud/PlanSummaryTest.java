package com.alphintra.infra.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {

  static String resource(String name) {
    try (InputStream in = PlanSummaryTest.class.getResourceAsStream("/cloud/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void countsAddsChangesDestroysAndReadsLikeTerraform() {
    PlanSummary summary = PlanSummary.parse(resource("plan-dev.json"));

    assertThat(summary.toAdd()).isEqualTo(2);
    assertThat(summary.toChange()).isEqualTo(1);
    assertThat(summary.toDestroy()).isEqualTo(1);
    assertThat(summary.toRead()).isEqualTo(1);
    assertThat(summary.changes())
        .extracting(ResourceChange::address)
        .doesNotContain("module.cloudsql.random_password.app");
  }

  @Test
  void keepsNoAttributeValues() {
    PlanSummary summary = PlanSummary.parse(resource("plan-dev.json"));

    assertThat(summary.toString()).doesNotContain("s3cr3t-in-clear", "n3w-s3cr3t");
  }

  @Test
  void findsResourcesWhoseDeletionProtectionBlocksADestroy() {
    PlanSummary summary = PlanSummary.parse(resource("destroy-prod.json"));

    assertThat(summary.blockedByDeletionProtection())
        .extracting(ResourceChange::address)
        .containsExactly(
            "module.gke.google_container_cluster.primary",
            "module.cloudsql.google_sql_database_instance.main");
  }

  @Test
  void aLockedLogBucketAndAProtectedSecretBlockADestroyAnUnlockedBucketDoesNot() {
    PlanSummary summary = PlanSummary.parse(resource("destroy-locked-bucket.json"));

    assertThat(summary.blockedByDeletionProtection())
        .extracting(ResourceChange::address)
        .containsExactly(
            "google_logging_project_bucket_config.audit",
            "module.secrets.google_secret_manager_secret.generated[\"jwt-signing-key\"]");
  }

  @Test
  void updateOfAProtectedResourceIsNotBlocked() {
    assertThat(PlanSummary.parse(resource("plan-dev.json")).blockedByDeletionProtection())
        .isEmpty();
  }

  @Test
  void textThatIsNotJsonIsAnInputError() {
    assertThatThrownBy(() -> PlanSummary.parse("Error: no plan file"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void jsonThatIsNotAPlanIsAnInputError() {
    assertThatThrownBy(() -> PlanSummary.parse("{\"hello\": 1}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no plan document");
  }
}
