package com.alphintra.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleServiceImageTest {

  private static final Path ROOT = Path.of("/checkout");

  @org.junit.jupiter.api.io.TempDir Path temp;

  private static SampleServiceImage image(String reference) {
    return new SampleServiceImage(
        new Workspace(ROOT),
        new PinnedVersions(
            Map.of(
                "images.sampleService", reference,
                "images.sampleServiceBase", "eclipse-temurin:21-jre-noble@sha256:" + "a".repeat(64),
                "images.sampleServiceBaseArm64",
                    "eclipse-temurin:21-jre-noble@sha256:" + "b".repeat(64))));
  }

  @Test
  void anImageForTheGkeNodesIsBuiltOnTheAmd64BaseWhateverThisMachineIs() {
    SampleServiceImage image =
        image("k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0");

    assertThat(image.request(new Platform("amd64", "linux")).base().describe())
        .endsWith("a".repeat(64));
    assertThat(image.request(new Platform("arm64", "linux")).base().describe())
        .endsWith("b".repeat(64));
  }

  @Test
  void theContentTagNamesThePlatformAndTheClasses() throws Exception {
    Path classes = ImageBuilderTest.someClasses(temp);
    ImageRequest request = ImageBuilderTest.request(new BaseImage.Scratch(), classes);
    Platform amd64 = new Platform("amd64", "linux");

    String tag = ContentTag.of(request, "0.1.0", amd64);

    assertThat(tag)
        .matches("0\\.1\\.0-[0-9a-f]{12}")
        .isEqualTo(ContentTag.of(request, "0.1.0", amd64));
    assertThat(ContentTag.of(request, "0.1.0", new Platform("arm64", "linux"))).isNotEqualTo(tag);
    java.nio.file.Files.write(
        classes.resolve("com/alphintra/sample/Main.class"), new byte[] {(byte) 0xCA, 2});
    assertThat(ContentTag.of(request, "0.1.0", amd64)).isNotEqualTo(tag);
  }

  @Test
  void pushesThroughTheLoopbackPortUnderTheSameRepositoryAndTag() {
    SampleServiceImage image =
        image("k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0");

    assertThat(image.pushReference("127.0.0.1:5000"))
        .isEqualTo("127.0.0.1:5000/alphintra/sample-service:0.1.0");
    assertThat(image.clusterReference("sha256:abc"))
        .isEqualTo(
            "k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0@sha256:abc");
    assertThat(image.repository()).isEqualTo("alphintra/sample-service");
    assertThat(image.version()).isEqualTo("0.1.0");
  }

  @Test
  void theRequestRunsTheServiceAsTheManifestsUserOnPort8080WithOciLabels() {
    ImageRequest request =
        image("k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0").request();

    assertThat(request.user()).isEqualTo("10001:10001");
    assertThat(request.port()).isEqualTo(8080);
    assertThat(request.classes()).isEqualTo(ROOT.resolve("services/sample-service/target/classes"));
    assertThat(request.entrypoint())
        .containsExactly("java", "-cp", "/app/classes", "com.alphintra.sample.Main");
    assertThat(request.labels())
        .containsEntry("org.opencontainers.image.version", "0.1.0")
        .containsEntry("org.opencontainers.image.title", "sample-service")
        .containsKey("org.opencontainers.image.source");
    assertThat(request.base().describe()).startsWith("eclipse-temurin:21-jre-noble@sha256:");
  }

  @Test
  void aLatestTagIsRefused() {
    assertThatThrownBy(
            () ->
                image("k3d-alphintra-registry.localhost:5000/alphintra/sample-service:latest")
                    .pushReference("127.0.0.1:5000"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("never 'latest'");
  }

  @Test
  void theRepositoryPinsTheBaseByDigest() {
    PinnedVersions pins = PinnedVersions.read(Path.of("infra/versions.yaml"));

    assertThat(pins.require("images.sampleServiceBase"))
        .matches("eclipse-temurin:21-jre-noble@sha256:[0-9a-f]{64}");
    assertThat(pins.require("images.sampleServiceBaseArm64"))
        .matches("eclipse-temurin:21-jre-noble@sha256:[0-9a-f]{64}");
    assertThat(pins.require("images.sampleService")).endsWith("/alphintra/sample-service:0.1.0");
  }
}
