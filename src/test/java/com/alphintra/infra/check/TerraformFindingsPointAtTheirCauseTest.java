package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.platform.PlatformLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every Terraform rule on one tree whose values flow from the prod root's module call through
 * {@code modules/platform} into each child module ({@code origins/}): each finding points at the
 * line that causes it (the root's argument, the composition's default, or the block that should
 * carry a missing setting), never at the child module's reference to the value. {@code
 * origins/expected.txt} lists {@code rule path:line} per finding.
 */
class TerraformFindingsPointAtTheirCauseTest {

  @Test
  void everyFindingIsAtTheLineThatCausesIt() throws IOException {
    Path tree = folder();
    List<Finding> findings =
        new CheckEngine(RuleRegistry.builtIn())
            .run(
                new PlatformLoader(new FakeProcessRunner()).load(tree.resolve("infra")),
                CheckOptions.all())
            .findings();
    List<String> expected =
        Files.readAllLines(tree.resolve("expected.txt")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();

    assertThat(findings.stream().map(f -> f.rule() + " " + f.location() + " " + f.message()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theTreeCoversEveryRuleThatJudgesATerraformValue() throws IOException {
    Set<String> covered = new TreeSet<>();
    Files.readAllLines(folder().resolve("expected.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> covered.add(line.substring(0, line.indexOf(' '))));

    assertThat(covered).containsAll(VALUE_RULES);
  }

  /** The rules that judge a value an environment can set. */
  static final List<String> VALUE_RULES =
      List.of(
          "audit-data-access-logs",
          "audit-log-retention",
          "gcs-public-access-prevention",
          "gcs-uniform-access",
          "gcs-versioning",
          "gke-binary-authorization",
          "gke-control-plane-authorized-networks",
          "gke-deletion-protection",
          "gke-logging",
          "gke-monitoring",
          "gke-network-policy",
          "gke-no-default-node-pool",
          "gke-no-legacy-abac",
          "gke-no-legacy-client-auth",
          "gke-node-auto-repair-upgrade",
          "gke-node-metadata",
          "gke-node-service-account",
          "gke-private-endpoint",
          "gke-private-nodes",
          "gke-release-channel",
          "gke-secrets-encryption",
          "gke-shielded-nodes",
          "gke-workload-identity",
          "net-cidr-no-overlap",
          "net-firewall-no-public-admin",
          "net-nat-logging",
          "net-subnet-private-google-access",
          "net-vpc-custom-mode",
          "redis-auth",
          "redis-ha-prod",
          "redis-private-service-access",
          "redis-transit-encryption",
          "sql-backup-pitr",
          "sql-deletion-protection",
          "sql-ha-prod",
          "sql-no-open-authorized-network",
          "sql-no-public-ip",
          "sql-pg-log-flags",
          "sql-require-tls",
          "sql-user-password-generated",
          "state-no-plaintext-secrets");

  private static Path folder() {
    try {
      return Path.of(TerraformFindingsPointAtTheirCauseTest.class.getResource("/origins").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
