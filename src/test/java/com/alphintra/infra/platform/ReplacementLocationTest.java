package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value a kustomize replacement writes (the cloud outputs' registry, a Workload Identity
 * annotation) is reported at the {@code fieldPaths} entry of the replacement's target that writes
 * it; a replacement selecting another object or another list item does not claim it.
 */
class ReplacementLocationTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        template:
          spec:
            containers:
            - name: api
              image: REGISTRY.cloud-outputs.invalid/api:1.0.0
            - name: proxy
              image: registry.example/proxy:1.0.0
      """;

  private static final String COMPONENT =
      """
      apiVersion: kustomize.config.k8s.io/v1alpha1
      kind: Component
      replacements:
      - source:
          kind: ConfigMap
          name: cloud-outputs
          fieldPath: data.REGISTRY
        targets:
        - select:
            kind: Deployment
            name: worker
          fieldPaths:
          - spec.template.spec.containers.[name=api].image
        - select:
            kind: Deployment
            name: api
            namespace: shop
          fieldPaths:
          - spec.template.spec.containers.[name=api].image
          options:
            delimiter: '/'
            index: 0
      - source:
          kind: ConfigMap
          name: cloud-outputs
          fieldPath: data.GSA_API
        targets:
        - select:
            kind: Deployment
            name: api
          fieldPaths:
          - metadata.annotations.[iam.gke.io/gcp-service-account]
      """;

  @TempDir Path root;

  @Test
  void aReplacedFieldIsReportedAtItsFieldPathsEntry() throws IOException {
    write("infra/kubernetes/base/kustomization.yaml", "resources: [api.yaml]\n");
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);
    write("infra/kubernetes/components/gke/kustomization.yaml", COMPONENT);
    write(
        "infra/kubernetes/overlays/dev/kustomization.yaml",
        "resources: [../../base]\ncomponents: [../../components/gke]\n");
    String rendered =
        DEPLOYMENT
            .replace("REGISTRY.cloud-outputs.invalid", "us-east4-docker.pkg.dev/shop-dev/shop")
            .replace(
                "  namespace: shop\n",
                "  namespace: shop\n  annotations:\n"
                    + "    iam.gke.io/gcp-service-account: api@shop-dev.iam.gserviceaccount.com\n");

    Platform platform =
        new PlatformLoader(new FakeProcessRunner().succeeds(rendered, "kubectl", "kustomize"))
            .load(root.resolve("infra"));
    LoadedObject api = platform.deployed().objects().get(0);
    Path component = Path.of("infra/kubernetes/components/gke/kustomization.yaml");

    assertThat(platform.locate(api, "spec.template.spec.containers[0].image"))
        .as("the target that selects api, not the one that selects worker")
        .isEqualTo(new SourceLocation(component, 19));
    assertThat(platform.locate(api, "metadata.annotations[\"iam.gke.io/gcp-service-account\"]"))
        .isEqualTo(new SourceLocation(component, 32));
    assertThat(platform.locate(api, "spec.template.spec.containers[1].image"))
        .as("no replacement writes the proxy container: its line in the base")
        .isEqualTo(new SourceLocation(Path.of("infra/kubernetes/base/api.yaml"), 13));
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
