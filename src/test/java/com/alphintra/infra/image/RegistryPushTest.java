package com.alphintra.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.error.OperationFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes to a real registry (Debian's docker-registry on a loopback port); skips where it is not
 * installed.
 */
class RegistryPushTest {

  @TempDir static Path folder;

  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    assumeTrue(
        LocalRegistry.unavailableReason().isEmpty(),
        () -> LocalRegistry.unavailableReason().orElseThrow());
    registry = LocalRegistry.start(folder.resolve("registry"));
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushedManifestIsServedUnderTheTagWithTheBuiltDigest() throws Exception {
    Path classes = ImageBuilderTest.someClasses(Files.createTempDirectory(folder, "a"));
    String reference = registry.host() + "/alphintra/sample-service:0.1.0";

    BuiltImage built =
        new ImageBuilder(folder.resolve("cache"))
            .build(
                ImageBuilderTest.request(new BaseImage.Scratch(), classes),
                new ImageDestination.Registry(reference));

    HttpResponse<String> byTag = registry.manifest("alphintra/sample-service", "0.1.0");
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(byTag.headers().firstValue("Docker-Content-Digest")).hasValue(built.digest());
    JsonNode manifest = new ObjectMapper().readTree(byTag.body());
    assertThat(manifest.get("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(manifest.get("layers")).hasSize(1);
    assertThat(registry.manifest("alphintra/sample-service", built.digest()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRebuildAfterAChangeMovesTheTagToANewDigest() throws Exception {
    Path classes = ImageBuilderTest.someClasses(Files.createTempDirectory(folder, "b"));
    String reference = registry.host() + "/alphintra/rebuilt:0.1.0";
    ImageBuilder builder = new ImageBuilder(folder.resolve("cache"));
    BuiltImage first =
        builder.build(
            ImageBuilderTest.request(new BaseImage.Scratch(), classes),
            new ImageDestination.Registry(reference));

    Files.write(
        classes.resolve("com/alphintra/sample/Main.class"),
        new byte[] {(byte) 0xCA, (byte) 0xFE, 9});
    BuiltImage second =
        builder.build(
            ImageBuilderTest.request(new BaseImage.Scratch(), classes),
            new ImageDestination.Registry(reference));

    assertThat(second.digest()).isNotEqualTo(first.digest());
    assertThat(
            registry
                .manifest("alphintra/rebuilt", "0.1.0")
                .headers()
                .firstValue("Docker-Content-Digest"))
        .hasValue(second.digest());
    assertThat(registry.manifest("alphintra/rebuilt", first.digest()).statusCode()).isEqualTo(200);
  }

  @Test
  void aRegistryThatIsNotThereFailsWithAHint() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path classes = ImageBuilderTest.someClasses(Files.createTempDirectory(folder, "c"));

    assertThatThrownBy(
            () ->
                new ImageBuilder(folder.resolve("cache"))
                    .build(
                        ImageBuilderTest.request(new BaseImage.Scratch(), classes),
                        new ImageDestination.Registry(
                            "127.0.0.1:" + closedPort + "/alphintra/sample-service:0.1.0")))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("push to 127.0.0.1:" + closedPort)
        .satisfies(
            e ->
                assertThat(((OperationFailedException) e).hint())
                    .contains("local registry running"));
  }
}
