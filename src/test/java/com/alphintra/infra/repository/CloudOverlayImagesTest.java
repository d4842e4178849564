package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.testing.TreeCopy;
import com.alphintra.infra.workspace.MirroredImage;
import com.alphintra.infra.workspace.PinnedVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In the GKE environments every container image comes from the project's Artifact Registry
 * repository: prod enforces Binary Authorization, which admits that repository and nothing else of
 * ours, and GKE nodes cannot pull from the laptop's k3d registry.
 */
class CloudOverlayImagesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyContainerImageComesFromTheEnvironmentsRepository(String environment) throws Exception {
    assertThat(images(environment))
        .isNotEmpty()
        .allSatisfy(
            image ->
                assertThat(image)
                    .startsWith(
                        "us-east4-docker.pkg.dev/alphintra-" + environment + "/alphintra/"));
  }

  /**
   * {@code alphintra cloud images} copies exactly what the mirror list of infra/versions.yaml
   * names: every third-party image the overlay runs must be on it, under the name and tag it
   * renders.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theMirrorListCoversEveryThirdPartyImageTheOverlayRuns(String environment) throws Exception {
    String registry = "us-east4-docker.pkg.dev/alphintra-" + environment + "/alphintra";
    List<String> mirrored =
        MirroredImage.list(
                PinnedVersions.read(InfraTree.repositoryRoot().resolve("infra/versions.yaml")))
            .stream()
            .map(image -> image.target(registry))
            .toList();

    List<String> thirdParty =
        images(environment).stream()
            .filter(image -> !image.startsWith(registry + "/sample-service:"))
            .toList();

    assertThat(thirdParty)
        .isNotEmpty()
        .allSatisfy(image -> assertThat(image).startsWith(registry + "/mirror/"))
        .allSatisfy(image -> assertThat(mirrored).contains(image));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theSampleServiceRunsTheTagAndDigestCloudImagesRecorded(String environment) throws Exception {
    assumeTrue(
        InfraTree.hasKubectl(), "kubectl is not on the PATH; the overlays cannot be rendered");
    String registry = "us-east4-docker.pkg.dev/alphintra-" + environment + "/alphintra";
    String tag = "0.1.0-3f9a1c2b4d5e@sha256:" + "ab".repeat(32);
    Path copy = Files.createTempDirectory("alphintra-images-");
    try {
      Path kubernetes = copy.resolve("kubernetes");
      TreeCopy.copy(
          InfraTree.kubernetesDir(),
          kubernetes,
          path -> path.getFileName().toString().equals("cloud-outputs.env"));
      Path overlay = kubernetes.resolve("overlays").resolve(environment);
      Files.writeString(
          overlay.resolve("cloud-outputs.env"),
          Files.readString(overlay.resolve("cloud-outputs.env.example"))
              .replace("SAMPLE_SERVICE_TAG=0.1.0", "SAMPLE_SERVICE_TAG=" + tag));
      ProcessResult result =
          new SystemProcessRunner()
              .run(
                  Command.of("kubectl", "kustomize", overlay.toString())
                      .withTimeout(Duration.ofMinutes(2)));
      assertThat(result.succeeded()).as(result.describe()).isTrue();

      assertThat(imagesOf(result.stdout()))
          .filteredOn(image -> image.contains("/sample-service"))
          .hasSize(6)
          .containsOnly(registry + "/sample-service:" + tag);
    } finally {
      try (Stream<Path> paths = Files.walk(copy)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static List<String> images(String environment) throws Exception {
    assumeTrue(
        InfraTree.hasKubectl(), "kubectl is not on the PATH; the overlays cannot be rendered");
    InfraTree.Rendered rendered = InfraTree.render(environment);
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();
    return imagesOf(rendered.yaml());
  }

  private static List<String> imagesOf(String yaml) {
    List<String> images = new ArrayList<>();
    for (Object document : InfraTree.documents(yaml)) {
      Object podSpec = InfraTree.at(document, "spec", "template", "spec").orElse(null);
      for (String field : List.of("initContainers", "containers")) {
        for (Object container : InfraTree.list(InfraTree.map(podSpec).get(field))) {
          images.add(String.valueOf(InfraTree.map(container).get("image")));
        }
      }
    }

    return images;
  }
}
