package com.alphintra.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.OperationFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {

  @TempDir Path temp;

  static Path someClasses(Path root) throws IOException {
    Path classes = root.resolve("classes");
    Files.createDirectories(classes.resolve("com/alphintra/sample"));
    Files.write(
        classes.resolve("com/alphintra/sample/Main.class"),
        new byte[] {(byte) 0xCA, (byte) 0xFE, 1});
    return classes;
  }

  static ImageRequest request(BaseImage base, Path classes) {
    return new ImageRequest(
        base,
        classes,
        "/app",
        List.of("java", "-cp", "/app/classes", "com.alphintra.sample.Main"),
        "10001:10001",
        8080,
        Map.of(
            "org.opencontainers.image.title", "sample-service",
            "org.opencontainers.image.version", "0.1.0",
            "org.opencontainers.image.source", "services/sample-service"));
  }

  @Test
  void tarballImageHasTheUserEntrypointLabelsAndPort() throws Exception {
    Path tar = temp.resolve("image.tar");
    BuiltImage built =
        new ImageBuilder(temp.resolve("cache"))
            .build(
                request(new BaseImage.Scratch(), someClasses(temp)),
                new ImageDestination.Tarball(tar, "alphintra/sample-service:0.1.0"));

    ImageTarball image = ImageTarball.read(tar);
    JsonNode config = image.config().get("config");
    assertThat(built.digest()).startsWith("sha256:");
    assertThat(built.pinnedReference())
        .isEqualTo("alphintra/sample-service:0.1.0@" + built.digest());
    assertThat(config.get("User").asText()).isEqualTo("10001:10001");
    assertThat(config.get("Entrypoint"))
        .extracting(JsonNode::asText)
        .containsExactly("java", "-cp", "/app/classes", "com.alphintra.sample.Main");
    assertThat(config.get("WorkingDir").asText()).isEqualTo("/app");
    assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.get("Labels").get("org.opencontainers.image.version").asText())
        .isEqualTo("0.1.0");
    assertThat(config.get("Labels").get("org.opencontainers.image.title").asText())
        .isEqualTo("sample-service");
    assertThat(config.get("Labels").get("org.opencontainers.image.source").asText())
        .isEqualTo("services/sample-service");
    assertThat(image.layerFiles()).hasSize(1);
    assertThat(image.layerFiles().get(0)).contains("app/classes/com/alphintra/sample/Main.class");
  }

  @Test
  void buildsAreReproducible() throws Exception {
    Path classes = someClasses(temp);
    ImageBuilder builder = new ImageBuilder(temp.resolve("cache"));

    BuiltImage first =
        builder.build(
            request(new BaseImage.Scratch(), classes),
            new ImageDestination.Tarball(temp.resolve("a.tar"), "alphintra/sample-service:0.1.0"));
    BuiltImage second =
        builder.build(
            request(new BaseImage.Scratch(), classes),
            new ImageDestination.Tarball(temp.resolve("b.tar"), "alphintra/sample-service:0.1.0"));
    Files.write(
        classes.resolve("com/alphintra/sample/Main.class"),
        new byte[] {(byte) 0xCA, (byte) 0xFE, 2});
    BuiltImage changed =
        builder.build(
            request(new BaseImage.Scratch(), classes),
            new ImageDestination.Tarball(temp.resolve("c.tar"), "alphintra/sample-service:0.1.0"));

    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(changed.digest()).isNotEqualTo(first.digest());
  }

  @Test
  void aTarballBaseKeepsItsLayersBelowTheApplication() throws Exception {
    Path classes = someClasses(temp);
    ImageBuilder builder = new ImageBuilder(temp.resolve("cache"));
    Path base = temp.resolve("base.tar");
    builder.build(
        request(new BaseImage.Scratch(), classes), new ImageDestination.Tarball(base, "base:1"));

    builder.build(
        request(new BaseImage.Tarball(base), classes),
        new ImageDestination.Tarball(temp.resolve("app.tar"), "app:1"));

    assertThat(ImageTarball.read(temp.resolve("app.tar")).layerFiles()).hasSize(2);
  }

  @Test
  void missingClassesSayWhatToRun() {
    assertThatThrownBy(
            () ->
                new ImageBuilder(temp)
                    .build(
                        request(new BaseImage.Scratch(), temp.resolve("nothing")),
                        new ImageDestination.Tarball(temp.resolve("x.tar"), "x:1")))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("no compiled classes")
        .satisfies(e -> assertThat(((OperationFailedException) e).hint()).contains("compile"));
  }

  @Test
  void theHintSaysWhetherTheBaseOrTheDestinationFailed() throws Exception {
    // Jib retries an unreachable registry for about a minute, so the messages are given here, not
    // provoked.
    String base = "eclipse-temurin:21-jre-noble@sha256:" + "a".repeat(64);
    ImageRequest request = request(new BaseImage.Registry(base), someClasses(temp));
    ImageDestination local =
        new ImageDestination.Registry("127.0.0.1:5000/alphintra/sample-service:0.1.0");

    assertThat(
            ImageBuilder.hint(
                request, local, "registry-1.docker.io: Name or service not known", temp))
        .startsWith("the base image " + base + " could not be pulled from registry-1.docker.io")
        .contains(temp.resolve("base").toString());
    assertThat(
            ImageBuilder.hint(
                request, local, "Connect to 127.0.0.1:5000 failed: Connection refused", temp))
        .startsWith("is the local registry running?");
  }

  @Test
  void rootIsRefused() throws Exception {
    Path classes = someClasses(temp);
    assertThatThrownBy(
            () ->
                new ImageRequest(
                    new BaseImage.Scratch(),
                    classes,
                    "/app",
                    List.of("java"),
                    "0:0",
                    8080,
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
  }

  @Test
  void onlyLoopbackRegistriesMaySpeakPlainHttp() {
    assertThat(ImageBuilder.isLoopbackRegistry("127.0.0.1:5000/alphintra/sample-service:0.1.0"))
        .isTrue();
    assertThat(ImageBuilder.isLoopbackRegistry("localhost:5000/a:1")).isTrue();
    assertThat(ImageBuilder.isLoopbackRegistry("k3d-alphintra-registry.localhost:5000/a:1"))
        .isFalse();
    assertThat(ImageBuilder.isLoopbackRegistry("registry.example.com/a:1")).isFalse();
    assertThat(ImageBuilder.isLoopbackRegistry("eclipse-temurin:21-jre-noble")).isFalse();
  }
}
