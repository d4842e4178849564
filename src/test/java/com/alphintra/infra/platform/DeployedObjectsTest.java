package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the single-object rules judge: rendered overlays and files no overlay includes, never a
 * patch; and where a rendered value is reported.
 */
class DeployedObjectsTest {

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
              image: registry.example/api:1.0.0
      """;

  private static final String RESOURCES_PATCH =
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
              resources:
                limits:
                  memory: 1Gi
      """;

  @TempDir Path root;

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void writeTree() throws IOException {
    write("infra/kubernetes/base/kustomization.yaml", "resources: [api.yaml]\n");
    write("infra/kubernetes/base/api.yaml", DEPLOYMENT);
    write("infra/kubernetes/extra/job.yaml", DEPLOYMENT.replace("name: api\n  ns", "x"));
    write(
        "infra/kubernetes/overlays/prod/kustomization.yaml",
        "resources: [../../base]\npatches:\n- path: resources.yaml\n");
    write("infra/kubernetes/overlays/prod/resources.yaml", RESOURCES_PATCH);
  }

  @Test
  void aPatchIsNeverJudgedOnItsOwnEvenWithoutKubectl() throws IOException {
    writeTree();

    Platform platform =
        new PlatformLoader(new FakeProcessRunner().missing("kubectl")).load(root.resolve("infra"));

    assertThat(platform.deployed().objects())
        .extracting(LoadedObject::file)
        .containsExactly(
            Path.of("infra/kubernetes/base/api.yaml"), Path.of("infra/kubernetes/extra/job.yaml"));
  }

  @Test
  void renderedObjectsReplaceTheFilesTheOverlayIncludes() throws IOException {
    writeTree();
    String rendered =
        DEPLOYMENT.replace("image:", "resources: {limits: {memory: 1Gi}}\n        image:");

    Platform platform =
        new PlatformLoader(new FakeProcessRunner().succeeds(rendered, "kubectl", "kustomize"))
            .load(root.resolve("infra"));

    List<LoadedObject> deployed = platform.deployed().objects();
    assertThat(deployed)
        .extracting(LoadedObject::overlay)
        .first()
        .isEqualTo(java.util.Optional.of("prod"));
    assertThat(deployed)
        .extracting(LoadedObject::file)
        .containsExactly(
            Path.of("infra/kubernetes/overlays/prod"), Path.of("infra/kubernetes/extra/job.yaml"));
    LoadedObject api = deployed.get(0);
    assertThat(platform.locate(api, "spec.template.spec.containers[0].resources.limits.memory"))
        .isEqualTo(
            new SourceLocation(Path.of("infra/kubernetes/overlays/prod/resources.yaml"), 13));
    assertThat(platform.locate(api, "spec.template.spec.containers[0].image"))
        .isEqualTo(new SourceLocation(Path.of("infra/kubernetes/base/api.yaml"), 11));
    assertThat(platform.locate(api, "spec.template.spec.containers[0].securityContext"))
        .as("a missing field: its nearest ancestor in the base")
        .isEqualTo(new SourceLocation(Path.of("infra/kubernetes/base/api.yaml"), 10));
  }
}
