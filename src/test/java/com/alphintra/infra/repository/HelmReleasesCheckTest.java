package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.check.CheckEngine;
import com.alphintra.infra.check.CheckOptions;
import com.alphintra.infra.check.CheckReport;
import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.ReportFormat;
import com.alphintra.infra.check.RuleRegistry;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.platform.HelmReleases;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import com.alphintra.infra.testing.TreeCopy;
import com.alphintra.infra.workspace.ChartCache;
import com.alphintra.infra.workspace.ChartRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code alphintra check --charts DIR} on this repository: every Helm release of every overlay is
 * rendered and judged, and nothing is found beyond the accepted findings of
 * infra/kubernetes/helm-accepted-findings.yaml. The archives of {@code ../shared/charts} are copied
 * under the pinned names {@code check} looks for; for Istio (1.30.3 rendered, 1.30.4 pinned) and
 * kube-prometheus-stack (88.5.3 rendered, 91.5.0 pinned) the rendered chart is older than the pin.
 */
class HelmReleasesCheckTest {

  @TempDir Path shared;
  @TempDir Path charts;
  @TempDir Path copy;

  /** The shared archives under the names {@code up} saves the pinned charts as. */
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

  private static CheckReport check(Path root, Optional<Path> charts) {
    Platform platform =
        new PlatformLoader(new SystemProcessRunner())
            .load(root.resolve("infra"), Optional.empty(), charts);
    return new CheckEngine(RuleRegistry.builtIn()).run(platform, CheckOptions.all());
  }

  @Test
  void everyReleaseOfEveryOverlayIsRenderedAndTheRepositoryHasNoFindings() throws IOException {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    Path root = InfraTree.repositoryRoot();
    Platform platform =
        new PlatformLoader(new SystemProcessRunner())
            .load(root.resolve("infra"), Optional.empty(), Optional.of(pinnedCharts()));

    assertThat(platform.loadErrors()).isEmpty();
    List<String> missing = new ArrayList<>();
    for (String overlay : InfraTree.OVERLAYS) {
      for (ChartRelease release : RenderedReleases.releases(overlay)) {
        boolean rendered =
            platform.deployed().objects().stream()
                .map(LoadedObject::helm)
                .flatMap(Optional::stream)
                .anyMatch(
                    source ->
                        source.release().equals(release.name())
                            && source.overlays().contains(overlay));
        if (!rendered) {
          missing.add(overlay + ": " + release.name());
        }
      }
    }
    assertThat(missing).as("releases whose objects were not judged").isEmpty();
    CheckReport report = new CheckEngine(RuleRegistry.builtIn()).run(platform, CheckOptions.all());
    assertThat(report.findings()).isEmpty();
    assertThat(report.suppressed()).as("the accepted findings on chart objects").isPositive();
    assertThat(report.notes()).noneMatch(note -> note.contains("no chart archive"));
  }

  @Test
  void flawsInAValuesFileAreFoundAtTheirLines() throws IOException {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    Path charts = pinnedCharts();
    copyInfra(copy);
    Path kiali = copy.resolve("infra/kubernetes/observability/helm/kiali-server-values.yaml");
    String values = Files.readString(kiali);
    Files.writeString(
        kiali,
        values
            .replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")
            .replace(
                "view_only_mode: true",
                "view_only_mode: true\n  image_version: latest\n  replicas: 2"));
    List<String> lines = Files.readAllLines(kiali);

    CheckReport report = check(copy, Optional.of(charts));

    Path file = Path.of("infra/kubernetes/observability/helm/kiali-server-values.yaml");
    assertThat(report.findings())
        .anySatisfy(
            finding -> {
              assertThat(finding.rule()).isEqualTo("k8s-no-privilege-escalation");
              assertThat(finding.file()).isEqualTo(file);
              assertThat(lines.get(finding.line() - 1)).contains("allowPrivilegeEscalation: true");
              assertThat(finding.message()).endsWith("(helm release kiali)");
            })
        .anySatisfy(
            finding -> {
              assertThat(finding.rule()).isEqualTo("k8s-image-pinned");
              assertThat(finding.file()).isEqualTo(file);
              assertThat(lines.get(finding.line() - 1)).contains("image_version: latest");
            })
        .anySatisfy(
            finding -> {
              // a rule that relates objects: no budget of the overlay selects the chart's pods
              assertThat(finding.rule()).isEqualTo("k8s-pdb-for-replicas");
              assertThat(finding.file()).isEqualTo(file);
              assertThat(lines.get(finding.line() - 1)).contains("replicas: 2");
              assertThat(finding.message())
                  .isEqualTo(
                      "Deployment observability/kiali runs 2 replicas but no PodDisruptionBudget"
                          + " selects its pods (helm release kiali)");
            });
    assertThat(report.findings().stream().map(Finding::file).distinct())
        .as("only the flawed values file")
        .containsExactly(file);
  }

  @Test
  void withoutTheArchivesTheReleasesAreSkippedWithANote(@TempDir Path empty) {
    Assumptions.assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed");
    CheckReport report = check(InfraTree.repositoryRoot(), Optional.of(empty));

    assertThat(report.findings()).isEmpty();
    assertThat(report.loadErrors()).isEmpty();
    String note = "no chart archive in " + empty;
    assertThat(report.notes()).anyMatch(text -> text.startsWith(note));
    assertThat(ReportFormat.TEXT.reporter(Ansi.OFF, "test").render(report)).contains(note);
    assertThat(ReportFormat.JSON.reporter(Ansi.OFF, "test").render(report))
        .contains(note)
        .contains("kube-prometheus-stack-91.5.0.tgz");
  }

  @Test
  void withTheRenderCacheAnUnchangedReleaseIsReadBackAndAChangedOneRenderedAgain()
      throws IOException {
    Path archives = pinnedCharts();
    copyInfra(copy);
    List<String> overlays = List.of("local");
    Optional<Path> cache = Optional.of(shared.resolve("renders"));
    var first = HelmReleases.template(copy, archives, overlays, cache).withValues(copy, Map.of());
    assertThat(first.errors()).isEmpty();
    Path rendered = cache.get();
    List<Path> entries;
    try (Stream<Path> files = Files.list(rendered)) {
      entries = files.toList();
    }
    assertThat(entries).hasSize(RenderedReleases.releases("local").size());
    // Each entry keeps its header and now holds one marker object instead of the chart's.
    for (Path entry : entries) {
      String header = Files.readAllLines(entry).get(0);
      Files.writeString(
          entry,
          header
              + "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-cache\n"
              + "  namespace: cached\n");
    }

    var second = HelmReleases.template(copy, archives, overlays, cache).withValues(copy, Map.of());
    assertThat(second.objects())
        .extracting(LoadedObject::name)
        .containsOnly("from-cache")
        .hasSize(entries.size());

    Path kiali = copy.resolve("infra/kubernetes/observability/helm/kiali-server-values.yaml");
    Files.writeString(kiali, Files.readString(kiali) + "# changed\n");
    var third = HelmReleases.template(copy, archives, overlays, cache).withValues(copy, Map.of());
    assertThat(third.objects())
        .filteredOn(object -> object.name().equals("from-cache"))
        .hasSize(entries.size() - 1);
    assertThat(third.objects())
        .filteredOn(object -> object.helm().map(h -> h.release().equals("kiali")).orElse(false))
        .extracting(LoadedObject::kind)
        .contains("Deployment", "Service");
    // without the cache, the marker never shows
    assertThat(HelmReleases.template(copy, archives, overlays).withValues(copy, Map.of()).objects())
        .extracting(LoadedObject::name)
        .doesNotContain("from-cache");
  }

  @Test
  void theRenderAsksNoClusterAnything() throws IOException {
    String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    Assumptions.assumeTrue(
        System.getenv("KUBECONFIG") == null && !Files.exists(Path.of(home, ".kube", "config")),
        "a kubeconfig is present: Helm's client would go to its cluster, not to 127.0.0.1:8080");
    com.sun.net.httpserver.HttpServer server;
    try {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 8080), 0);
    } catch (java.net.BindException e) {
      Assumptions.abort("127.0.0.1:8080, where Helm's client goes without a kubeconfig, is taken");
      return;
    }
    List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      var result =
          com.alphintra.infra.platform.HelmReleases.render(
              InfraTree.repositoryRoot(), pinnedCharts(), InfraTree.OVERLAYS, java.util.Map.of());
      assertThat(result.errors()).isEmpty();
      assertThat(result.objects()).isNotEmpty();
    } finally {
      server.stop(0);
    }
    assertThat(requests).as("API requests made while rendering (a chart's lookup)").isEmpty();
  }

  private static void copyInfra(Path target) throws IOException {
    TreeCopy.copy(InfraTree.repositoryRoot().resolve("infra"), target.resolve("infra"));
  }
}
