package com.alphintra.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class DevWatchTest {

  KubernetesClient client;

  @TempDir Path root;

  @Test
  void deploysOnceAtStartThenAgainAfterASourceChangeAndSurvivesAFailedPass() throws Exception {
    DevFixture fixture = new DevFixture(root, client);
    DevLoopTest.RecordingListener listener = new DevLoopTest.RecordingListener();
    DeployRequest request =
        new DeployRequest(
            List.of("market-data"), Optional.empty(), Duration.ofSeconds(5), "127.0.0.1:5000");
    Path main =
        root.resolve("services/sample-service/src/main/java/com/alphintra/sample/Main.java");

    try (FakeDeploymentController controller =
        new FakeDeploymentController(client, "alphintra", image -> true, 0)) {
      Thread watching =
          new Thread(
              () -> {
                try {
                  fixture.devLoop().watch(request, listener, Duration.ofMillis(200));
                } catch (InterruptedException stopped) {
                  Thread.currentThread().interrupt();
                }
              });
      watching.start();
      awaitPasses(listener, 1);

      fixture.processes.fails(
          1,
          "[ERROR] Main.java:[1,1] class, interface, enum, or record expected",
          root.resolve("mvnw").toString());
      Files.writeString(main, "broken");
      awaitPasses(listener, 2);

      fixture.processes.succeeds("", root.resolve("mvnw").toString());
      Files.writeString(main, "class Main { }\n");
      awaitPasses(listener, 3);

      watching.interrupt();
      watching.join(5000);
      assertThat(watching.isAlive()).isFalse();
    }
    assertThat(listener.passes).hasSize(2);
    assertThat(listener.failures)
        .singleElement()
        .satisfies(failure -> assertThat(failure.getMessage()).contains("compile failed"));
    assertThat(listener.changes).hasSize(2).allSatisfy(files -> assertThat(files).contains(main));
    assertThat(fixture.image("market-data")).endsWith("@" + DevFixture.DIGEST);
  }

  private static void awaitPasses(DevLoopTest.RecordingListener listener, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (listener.passCount() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(listener.passCount()).isEqualTo(count);
  }
}
