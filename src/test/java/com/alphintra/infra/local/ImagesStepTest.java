package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.image.BaseImage;
import com.alphintra.infra.image.BuiltImage;
import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImageDestination;
import com.alphintra.infra.image.ImagePublisher;
import com.alphintra.infra.image.LocalRegistry;
import com.alphintra.infra.image.SampleServiceBuild;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class ImagesStepTest {

  KubernetesClient client;

  @TempDir Path root;

  private LocalFixture fixture;
  private final List<String> pushed = new ArrayList<>();
  private final ImagePublisher publisher =
      (request, reference) -> {
        pushed.add(reference);
        return new BuiltImage(
            reference, "sha256:" + "ab".repeat(32), "sha256:id", Duration.ofMillis(1));
      };

  @BeforeEach
  void checkoutWithTheSampleService() throws IOException {
    fixture = new LocalFixture(root, client);
    Path service = Files.createDirectories(root.resolve("services/sample-service"));
    Files.writeString(service.resolve("pom.xml"), "<project/>\n");
    Files.writeString(
        root.resolve("infra/versions.yaml"),
        """
        images:
          sampleService: "k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0"
          sampleServiceBase: "eclipse-temurin:21-jre-noble@sha256:%s"
          sampleServiceBaseArm64: "eclipse-temurin:21-jre-noble@sha256:%s"
        """
            .formatted("a".repeat(64), "b".repeat(64)),
        StandardOpenOption.APPEND);
    fixture.processes.respond(
        command -> {
          try {
            Path classes = Files.createDirectories(service.resolve("target/classes"));
            Files.write(classes.resolve("Main.class"), new byte[] {1});
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return com.alphintra.infra.exec.ProcessResult.exited(
              command, 0, "", "", Duration.ofMillis(1));
        },
        root.resolve("mvnw").toString());
  }

  private Plan plan(Optional<String> context) {
    PlanFactory factory =
        new PlanFactory(
            fixture.workspace,
            fixture.processes,
            new Doctor(fixture.processes, fixture.host),
            fixture.services());
    return factory.build(
        new UpRequest(true, context, Optional.empty(), Optional.empty(), false),
        () -> {
          throw new IllegalStateException("a dry run connects to nothing");
        });
  }

  private ImagesStep step(FakeProcessRunner processes, String registryHost) {
    return new ImagesStep(
        new SampleServiceBuild(fixture.workspace, processes, publisher),
        registryHost,
        Path.of("services/sample-service/pom.xml"));
  }

  @Test
  void theImagesStepComesBeforeThePlatformStep() {
    assertThat(plan(Optional.empty()).names())
        .containsExactly(
            "prerequisites",
            "cluster",
            "istio",
            "tls",
            "images",
            "platform",
            "observability",
            "verify");
  }

  @Test
  void buildingTheImageCountsTowardServiceDeployment() {
    assertThat(plan(Optional.empty()).budgets())
        .filteredOn(budget -> budget.label().equals("service deployment"))
        .singleElement()
        .satisfies(budget -> assertThat(budget.steps()).containsExactly("images", "platform"));
  }

  @Test
  void anExistingClusterGetsNoLocalRegistryPush() {
    assertThat(plan(Optional.of("gke_prod")).names()).doesNotContain("images");
  }

  @Test
  void dryRunDetailsNameTheBuildAndThePush() {
    Step images =
        plan(Optional.empty()).steps().stream()
            .filter(step -> step.name().equals("images"))
            .findFirst()
            .orElseThrow();

    assertThat(images.details())
        .containsExactly(
            "run: mvnw -q -B -f services/sample-service/pom.xml -DskipTests compile",
            "build: eclipse-temurin:21-jre-noble@sha256:"
                + "a".repeat(64)
                + " + the compiled classes (Jib, no Docker daemon)",
            "push: 127.0.0.1:5000/alphintra/sample-service:0.1.0 (the cluster pulls "
                + "k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0)");
  }

  @Test
  void applyCompilesThenPushesToTheRegistry() throws Exception {
    step(fixture.processes, "127.0.0.1:5000").apply();

    assertThat(fixture.processes.commandLines()).last().asString().endsWith("-DskipTests compile");
    assertThat(pushed).containsExactly("127.0.0.1:5000/alphintra/sample-service:0.1.0");
  }

  @Test
  void aCompileErrorFailsTheStepWithTheCompilersWords() {
    fixture.processes.fails(
        1, "[ERROR] Main.java:[1,1] ';' expected", root.resolve("mvnw").toString());

    assertThatThrownBy(() -> step(fixture.processes, "127.0.0.1:5000").apply())
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("compile failed")
        .hasMessageContaining("';' expected");
    assertThat(pushed).isEmpty();
  }

  @Test
  void notDoneWhileTheRegistryIsNotThere() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(step(fixture.processes, "127.0.0.1:" + closed).isDone()).isFalse();
  }

  @Test
  void doneOnceTheRegistryServesTheTag() throws Exception {
    assumeTrue(
        LocalRegistry.unavailableReason().isEmpty(),
        () -> LocalRegistry.unavailableReason().orElseThrow());
    ImageBuilder builder = new ImageBuilder(root.resolve("cache"));
    ImagePublisher realPush =
        (request, reference) ->
            builder.build(
                request.withBase(new BaseImage.Scratch()),
                new ImageDestination.Registry(reference));
    try (LocalRegistry registry = LocalRegistry.start(root.resolve("registry"))) {
      ImagesStep step =
          new ImagesStep(
              new SampleServiceBuild(fixture.workspace, fixture.processes, realPush),
              registry.host(),
              Path.of("services/sample-service/pom.xml"));

      assertThat(step.isDone()).isFalse();
      step.apply();
      assertThat(step.isDone()).isTrue();
    }
  }
}
