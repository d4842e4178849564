package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-references resolve within one rendered overlay, are reported at the file and line they are
 * written in, and one broken reference rendered into several overlays is one finding naming them
 * ("(in overlays: dev)", as every rule words it), or none when every overlay has it.
 */
class CrossReferencesInOverlaysTest {

  private static final String VIRTUAL_SERVICE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: api
        namespace: shop
      spec:
        hosts: [api]
        tcp:
        - route:
          - destination:
              host: postgres.data.svc.cluster.local
        - route:
          - destination:
              host: cache.data.svc.cluster.local
      """;

  private static final String POSTGRES =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: postgres
        namespace: data
      spec:
        ports:
        - name: tcp-postgres
          port: 5432
      """;

  @TempDir Path root;

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aServiceOfOneOverlayDoesNotResolveAReferenceInAnother() throws IOException {
    write("infra/kubernetes/istio/virtual-service-api.yaml", VIRTUAL_SERVICE);
    write("infra/kubernetes/overlays/local/kustomization.yaml", "resources: [../../istio, data]\n");
    write("infra/kubernetes/overlays/local/data/postgres-service.yaml", POSTGRES);
    write("infra/kubernetes/overlays/dev/kustomization.yaml", "resources: [../../istio]\n");
    FakeProcessRunner kubectl =
        new FakeProcessRunner()
            .respond(
                command ->
                    ProcessResult.exited(
                        command,
                        0,
                        command.arguments().get(command.arguments().size() - 1).endsWith("local")
                            ? VIRTUAL_SERVICE + "---\n" + POSTGRES
                            : VIRTUAL_SERVICE,
                        "",
                        Duration.ofMillis(5)),
                "kubectl",
                "kustomize");

    Platform platform = new PlatformLoader(kubectl).load(root.resolve("infra"));
    List<String> findings =
        new CheckEngine(RuleRegistry.builtIn())
                .run(
                    platform,
                    new CheckOptions(
                        java.util.Set.of("istio-vs-destination-exists"),
                        java.util.Set.of(),
                        Severity.LOW,
                        java.util.Optional.empty()))
                .findings()
                .stream()
                .map(finding -> finding.location() + " " + finding.message())
                .toList();

    assertThat(findings)
        .containsExactly(
            "infra/kubernetes/istio/virtual-service-api.yaml:11 VirtualService shop/api routes to host"
                + " postgres.data.svc.cluster.local but no Service data/postgres or ServiceEntry declares it (in overlays: dev)",
            "infra/kubernetes/istio/virtual-service-api.yaml:14 VirtualService shop/api routes to host"
                + " cache.data.svc.cluster.local but no Service data/cache or ServiceEntry declares it");
  }
}
