package com.alphintra.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.image.BaseImage;
import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImageDestination;
import com.alphintra.infra.image.LocalRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole dev loop with a real Jib build and push (to Debian's docker-registry on a loopback
 * port) and the CRUD mock server as the cluster; skips where docker-registry is not installed. The
 * base is scratch, as no public registry is reachable from a test.
 */
@EnableKubernetesMockClient(crud = true)
class DevLoopRegistryTest {

  KubernetesClient client;

  @TempDir Path root;

  @Test
  void theDeploymentRunsTheDigestTheRegistryServesForTheTag() throws Exception {
    assumeTrue(
        LocalRegistry.unavailableReason().isEmpty(),
        () -> LocalRegistry.unavailableReason().orElseThrow());
    DevFixture fixture = new DevFixture(root.resolve("checkout"), client);
    ImageBuilder builder = new ImageBuilder(root.resolve("cache"));
    try (LocalRegistry registry = LocalRegistry.start(root.resolve("registry"));
        FakeDeploymentController controller =
            new FakeDeploymentController(client, "alphintra", image -> true, 0)) {
      DevLoop loop =
          new DevLoop(
              fixture.workspace,
              fixture.processes,
              (request, reference) ->
                  builder.build(
                      request.withBase(new BaseImage.Scratch()),
                      new ImageDestination.Registry(reference)),
              fixture.clusters());

      DeployResult result =
          loop.deploy(
              new DeployRequest(
                  List.of("portfolio-service"),
                  Optional.empty(),
                  Duration.ofSeconds(10),
                  registry.host()),
              new DevLoopTest.RecordingListener());

      String served =
          registry
              .manifest("alphintra/sample-service", "0.1.0")
              .headers()
              .firstValue("Docker-Content-Digest")
              .orElseThrow();
      assertThat(result.image().digest()).isEqualTo(served);
      assertThat(fixture.image("portfolio-service")).isEqualTo(DevFixture.OLD_IMAGE + "@" + served);
    }
  }
}
