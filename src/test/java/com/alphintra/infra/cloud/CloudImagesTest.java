package com.alphintra.infra.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.cloud.ImagesReport.ImageResult;
import com.alphintra.infra.cloud.ImagesReport.Outcome;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.image.BaseImage;
import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImageDestination;
import com.alphintra.infra.image.ImageRequest;
import com.alphintra.infra.image.LocalRegistry;
import com.alphintra.infra.image.RegistryManifests;
import com.alphintra.infra.workspace.MirroredImage;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloud images} against two real registries on loopback ports (Debian's docker-registry): a
 * source holding the "third-party" images and a target standing in for the environment's Artifact
 * Registry. Skips where docker-registry is not installed.
 */
class CloudImagesTest {

  @TempDir static Path shared;

  private static LocalRegistry source;
  private static LocalRegistry target;
  private static String postgres;
  private static String pgbouncer;

  @TempDir Path temp;

  private Path overlays;
  private Path classes;
  private final AtomicInteger compiled = new AtomicInteger();
  private final List<String> console = new ArrayList<>();

  @BeforeAll
  static void startRegistries() throws Exception {
    assumeTrue(
        LocalRegistry.unavailableReason().isEmpty(),
        () -> LocalRegistry.unavailableReason().orElseThrow());
    source = LocalRegistry.start(shared.resolve("source"));
    target = LocalRegistry.start(shared.resolve("target"));
    // Two "third-party" images in the source registry, built from scratch.
    ImageBuilder builder = new ImageBuilder(shared.resolve("seed-cache"));
    Path seed = classes(shared.resolve("seed"), (byte) 7);
    postgres = source.host() + "/library/postgres:17.6-alpine";
    pgbouncer = source.host() + "/edoburu/pgbouncer:v1.25.2-p0";
    builder.build(request(seed), new ImageDestination.Registry(postgres));
    builder.build(request(seed), new ImageDestination.Registry(pgbouncer));
  }

  @AfterAll
  static void stopRegistries() {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @BeforeEach
  void overlay() throws IOException {
    overlays = temp.resolve("overlays");
    Files.createDirectories(overlays.resolve("dev"));
    classes = classes(temp.resolve("service"), (byte) 1);
  }

  private static Path classes(Path root, byte content) throws IOException {
    Path folder = root.resolve("classes");
    Files.createDirectories(folder.resolve("com/alphintra/sample"));
    Files.write(
        folder.resolve("com/alphintra/sample/Main.class"),
        new byte[] {(byte) 0xCA, (byte) 0xFE, content});
    return folder;
  }

  private static ImageRequest request(Path classes) {
    return new ImageRequest(
        new BaseImage.Scratch(),
        classes,
        "/app",
        List.of("java", "-cp", "/app/classes", "com.alphintra.sample.Main"),
        "10001:10001",
        8080,
        Map.of("org.opencontainers.image.version", "0.1.0"));
  }

  private void writeOutputs(String registry) throws IOException {
    Files.writeString(
        overlays.resolve("dev/cloud-outputs.env"),
        "# written by cloud outputs\nSOURCE=terraform-state\nSTATE_LINEAGE=l\nSTATE_SERIAL=3\n"
            + "PROJECT_ID=alphintra-dev\nREGISTRY="
            + registry
            + "\n");
  }

  private CloudImages images(List<MirroredImage> mirror, FakeProcessRunner processes) {
    return new CloudImages(
        processes,
        new ImageBuilder(temp.resolve("cache")),
        new RegistryManifests(),
        overlays,
        compiled::incrementAndGet,
        () -> request(classes),
        () -> "0.1.0",
        mirror);
  }

  private CloudImages images(List<MirroredImage> mirror) {
    return images(mirror, new FakeProcessRunner());
  }

  private String registry() {
    return target.host() + "/alphintra-dev/alphintra";
  }

  private Map<String, String> outputs() throws IOException {
    Path file = overlays.resolve("dev/cloud-outputs.env");
    return CloudOutputs.read(Files.readString(file), file.toString()).values();
  }

  @Test
  void pushesTheServiceUnderAContentTagMirrorsTheRestAndRecordsTheTagForTheOverlay()
      throws Exception {
    writeOutputs(registry());
    List<MirroredImage> mirror =
        List.of(MirroredImage.of("postgres", postgres), MirroredImage.of("pgbouncer", pgbouncer));

    ImagesReport first = images(mirror).push(Environment.DEV, console::add);

    assertThat(compiled).hasValue(1);
    assertThat(first.images())
        .extracting(ImageResult::outcome)
        .containsExactly(Outcome.PUSHED, Outcome.COPIED, Outcome.COPIED);
    String sample = first.images().get(0).target();
    assertThat(sample)
        .matches(registry().replace(".", "\\.") + "/sample-service:0\\.1\\.0-[0-9a-f]{12}");
    String tag = sample.substring(sample.lastIndexOf(':') + 1);
    String digest = first.images().get(0).detail();
    assertThat(
            target
                .manifest("alphintra-dev/alphintra/sample-service", tag)
                .headers()
                .firstValue("Docker-Content-Digest"))
        .hasValue(digest);
    assertThat(outputs())
        .containsEntry(CloudOutputs.SAMPLE_SERVICE_TAG, tag + "@" + digest)
        .containsEntry("PROJECT_ID", "alphintra-dev");
    assertThat(
            target.manifest("alphintra-dev/alphintra/mirror/postgres", "17.6-alpine").statusCode())
        .isEqualTo(200);
    assertThat(
            target.manifest("alphintra-dev/alphintra/mirror/pgbouncer", "v1.25.2-p0").statusCode())
        .isEqualTo(200);
    assertThat(console)
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("pushed   " + sample + "@sha256:"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "copied   "
                            + postgres
                            + " -> "
                            + registry()
                            + "/mirror/postgres:17.6-alpine"));

    // The same content again: nothing is pushed (the registry's tags are immutable).
    console.clear();
    ImagesReport second = images(mirror).push(Environment.DEV, console::add);
    assertThat(second.images())
        .extracting(ImageResult::outcome)
        .containsExactly(Outcome.PRESENT, Outcome.PRESENT, Outcome.PRESENT);
    assertThat(second.sampleService()).isEqualTo(first.sampleService());
    assertThat(outputs()).containsEntry(CloudOutputs.SAMPLE_SERVICE_TAG, tag + "@" + digest);
    assertThat(console).allSatisfy(line -> assertThat(line).startsWith("present  "));

    // Different content: a new tag.
    Files.write(
        classes.resolve("com/alphintra/sample/Main.class"),
        new byte[] {(byte) 0xCA, (byte) 0xFE, 2});
    ImagesReport third = images(mirror).push(Environment.DEV, console::add);
    assertThat(third.images().get(0).outcome()).isEqualTo(Outcome.PUSHED);
    assertThat(third.images().get(0).target()).isNotEqualTo(sample);
    assertThat(outputs().get(CloudOutputs.SAMPLE_SERVICE_TAG))
        .startsWith(third.images().get(0).target().substring(sample.lastIndexOf(':') + 1) + "@");
  }

  @Test
  void anImageThatCannotBeCopiedIsNamedAndTheOthersAreStillCopied() throws Exception {
    writeOutputs(registry());
    String missing = source.host() + "/nobody/absent:1.0";
    List<MirroredImage> mirror =
        List.of(MirroredImage.of("absent", missing), MirroredImage.of("postgres", postgres));

    assertThatThrownBy(() -> images(mirror).push(Environment.DEV, console::add))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("1 of 2 images could not be mirrored: " + missing);
    assertThat(console).anySatisfy(line -> assertThat(line).startsWith("FAILED   " + missing));
    assertThat(console)
        .anySatisfy(line -> assertThat(line).contains(registry() + "/mirror/postgres:17.6-alpine"));
  }

  @Test
  void aRegistryThatRefusesFailsNamingTheImage() throws Exception {
    HttpServer refusing =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
    refusing.start();
    try {
      String registry = "127.0.0.1:" + refusing.getAddress().getPort() + "/alphintra-dev/alphintra";
      writeOutputs(registry);

      assertThatThrownBy(() -> images(List.of()).push(Environment.DEV, console::add))
          .isInstanceOf(OperationFailedException.class)
          .hasMessageContaining(registry + "/sample-service:0.1.0-")
          .hasMessageContaining("HTTP 403");
      assertThat(outputs()).doesNotContainKey(CloudOutputs.SAMPLE_SERVICE_TAG);
    } finally {
      refusing.stop(0);
    }
  }

  @Test
  void withoutCloudOutputsItNamesTheCommandThatWritesThem() {
    assertThatThrownBy(() -> images(List.of()).push(Environment.DEV, console::add))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("cloud-outputs.env is missing")
        .satisfies(
            e ->
                assertThat(((MissingPrerequisiteException) e).hint())
                    .contains("alphintra cloud outputs --env dev"));
    assertThat(compiled).hasValue(0);
  }

  @Test
  void theCommittedExampleIsNotAnEnvironmentsOutputs() throws IOException {
    Files.copy(
        Path.of("infra/kubernetes/overlays/dev", CloudOutputsFile.EXAMPLE_NAME),
        overlays.resolve("dev/cloud-outputs.env"));

    assertThatThrownBy(() -> images(List.of()).push(Environment.DEV, console::add))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("committed example");
  }

  @Test
  void artifactRegistryNeedsGcloudsToken() throws IOException {
    writeOutputs("us-east4-docker.pkg.dev/alphintra-dev/alphintra");

    assertThatThrownBy(
            () ->
                images(List.of(), new FakeProcessRunner().missing("gcloud"))
                    .push(Environment.DEV, console::add))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("gcloud is not installed");
    assertThatThrownBy(
            () ->
                images(
                        List.of(),
                        new FakeProcessRunner()
                            .fails(1, "ERROR: Reauthentication required.", "gcloud"))
                    .push(Environment.DEV, console::add))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("no Google access token")
        .satisfies(
            e ->
                assertThat(((MissingPrerequisiteException) e).hint())
                    .contains("gcloud auth application-default login"));
    assertThat(compiled).hasValue(0);
  }

  @Test
  void aMirroredImageMustPinAVersionTag() {
    assertThatThrownBy(() -> MirroredImage.of("busybox", "docker.io/library/busybox:latest"))
        .hasMessageContaining("pins no version tag");
    assertThatThrownBy(() -> MirroredImage.of("busybox", "127.0.0.1:5000/busybox"))
        .hasMessageContaining("pins no version tag");
    assertThat(MirroredImage.of("x", "quay.io/a/b:v1@sha256:00").target("r"))
        .isEqualTo("r/mirror/x:v1");
  }
}
