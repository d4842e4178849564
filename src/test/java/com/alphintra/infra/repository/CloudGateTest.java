package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.check.CheckEngine;
import com.alphintra.infra.check.Checker;
import com.alphintra.infra.check.RuleRegistry;
import com.alphintra.infra.cloud.CheckPolicyGate;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.GateVerdict;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.platform.PlatformLoader;
import com.alphintra.infra.workspace.ChartCache;
import com.alphintra.infra.workspace.ChartRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate {@code cloud plan|apply|destroy} runs judges what {@code check} judges for the
 * environment: its overlay as kubectl renders it and its Helm releases from the chart archives
 * (skipped with a note without them), not what only another overlay deploys.
 */
class CloudGateTest {

  @TempDir Path shared;
  @TempDir Path charts;
  @TempDir Path copy;

  private Path pinnedCharts() throws IOException {
    ChartArchives archives = ChartArchives.copiedTo(shared);
    for (String overlay : InfraTree.OVERLAYS) {
      for (ChartRelease release : RenderedReleases.releases(overlay)) {
        Path target = ChartCache.archive(charts, release.chart(), release.version());
        if (!Files.exists(target)) {
          Files.copy(archives.archiveOf(release.chart()), target);
        }
      }
    }
    return charts;
  }

  private static GateVerdict gate(Path root, Path charts, Environment environment) {
    Checker checker =
        new Checker(
            new PlatformLoader(new SystemProcessRunner()), new CheckEngine(RuleRegistry.builtIn()));
    return new CheckPolicyGate(checker, root, root.resolve("infra/terraform"), Optional.of(charts))
        .evaluate(environment);
  }

  @Test
  void theRepositoryPassesWithItsHelmReleasesJudged() throws IOException {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    GateVerdict verdict = gate(InfraTree.repositoryRoot(), pinnedCharts(), Environment.DEV);

    assertThat(verdict.blocking()).isEmpty();
    assertThat(verdict.notes()).noneMatch(note -> note.contains("no chart archive"));
  }

  @Test
  void withoutTheArchivesTheReleasesAreSkippedWithANote(@TempDir Path empty) {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    GateVerdict verdict = gate(InfraTree.repositoryRoot(), empty, Environment.PROD);

    assertThat(verdict.blocking()).isEmpty();
    assertThat(verdict.notes()).anyMatch(note -> note.startsWith("no chart archive in " + empty));
  }

  @Test
  void aFlawInAValuesFileBlocksEveryEnvironmentAndOneInAnOverlayOnlyItsOwn() throws IOException {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    Path charts = pinnedCharts();
    copyRepository(copy);
    Path kiali = copy.resolve("infra/kubernetes/observability/helm/kiali-server-values.yaml");
    Files.writeString(
        kiali,
        Files.readString(kiali)
            .replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"));
    Path prod = copy.resolve("infra/kubernetes/overlays/prod");
    Files.writeString(
        prod.resolve("escalate.yaml"),
        "- op: replace\n"
            + "  path: /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation\n"
            + "  value: true\n");
    String kustomization = Files.readString(prod.resolve("kustomization.yaml"));
    Files.writeString(
        prod.resolve("kustomization.yaml"),
        kustomization.replace(
            "# The Terraform outputs of this environment",
            "- path: escalate.yaml\n  target:\n    kind: Deployment\n    name: api-gateway\n"
                + "# The Terraform outputs of this environment"));

    GateVerdict dev = gate(copy, charts, Environment.DEV);
    GateVerdict production = gate(copy, charts, Environment.PROD);

    String values =
        "k8s-no-privilege-escalation infra/kubernetes/observability/helm/kiali-server-values.yaml:";
    String patch = "k8s-no-privilege-escalation infra/kubernetes/overlays/prod/escalate.yaml:3 ";
    assertThat(dev.blocking())
        .anyMatch(line -> line.contains(values) && line.endsWith("(helm release kiali)"))
        .noneMatch(line -> line.contains(patch));
    assertThat(production.blocking())
        .anyMatch(line -> line.contains(values))
        .anyMatch(line -> line.contains(patch) && line.endsWith("(in overlays: prod)"));
  }

  private static void copyRepository(Path target) throws IOException {
    Path source = InfraTree.repositoryRoot().resolve("infra");
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path relative = source.relativize(path);
        if (relative.toString().contains(".terraform")) {
          continue;
        }
        Path destination = target.resolve("infra").resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    }
  }
}
