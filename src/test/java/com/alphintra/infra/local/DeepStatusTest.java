package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class DeepStatusTest {

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;
  private FakeSmokeProbes probes;

  @BeforeEach
  void checkoutWithTheConfigMaps() throws IOException {
    fixture = new LocalFixture(root, client);
    Path configMaps = Files.createDirectories(root.resolve("infra/kubernetes/base/configmaps"));
    try (Stream<Path> files = Files.list(Path.of("infra/kubernetes/base/configmaps"))) {
      for (Path file : files.toList()) {
        Files.copy(file, configMaps.resolve(file.getFileName()));
      }
    }
    probes = new FakeSmokeProbes(CallGraph.read(configMaps));
  }

  private LocalEnvironment environment() {
    LocalServices base = fixture.services();
    LocalServices withProbes =
        new LocalServices(
            base.clusters(),
            base.charts(),
            base.probers(),
            base.clock(),
            base.readinessWait(),
            base.images(),
            (cluster, ca) -> probes);
    return new LocalEnvironment(
        fixture.workspace,
        fixture.processes,
        new com.alphintra.infra.doctor.Doctor(fixture.processes, fixture.host),
        withProbes);
  }

  @Test
  void deepStatusAddsTheFourMeshChecksAfterTheUsualOnes() throws Exception {
    HealthReport report = environment().deepStatus(Optional.empty());

    List<HealthItem> deep =
        report.items().stream().filter(item -> item.group().equals("deep")).toList();
    assertThat(deep)
        .extracting(HealthItem::name)
        .containsExactly(
            "call graph through ingress",
            "auth-service -> market-data denied",
            "trace in Jaeger",
            "mTLS on every edge");
    assertThat(deep).allMatch(HealthItem::healthy);
    assertThat(report.items().get(0).group()).isEqualTo("node");
    assertThat(probes.closed).isTrue();
  }

  @Test
  void plainStatusSendsNoTraffic() {
    environment().status(Optional.empty());

    assertThat(probes.requests).isEmpty();
  }

  @Test
  void aDeniedCallThatGetsThroughMakesTheReportUnhealthy() throws Exception {
    probes.inside = new HttpAnswer(200, "{\"service\":\"auth-service\",\"call\":{\"status\":200}}");

    HealthReport report = environment().deepStatus(Optional.empty());

    assertThat(report.isHealthy()).isFalse();
    assertThat(report.problems())
        .extracting(HealthItem::name)
        .contains("auth-service -> market-data denied");
  }
}
