package com.alphintra.infra.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror list of infra/versions.yaml and the chart values layers filled from it. */
class MirrorValuesTest {

  @TempDir Path folder;

  private static final String REGISTRY = "europe-west2-docker.pkg.dev/acme/alphintra";

  private static final List<MirroredImage> MIRROR =
      List.of(
          MirroredImage.of("istio/pilot", "docker.io/istio/pilot:1.30.4"),
          MirroredImage.of("kiali", "quay.io/kiali/kiali:v2.24.0"));

  private Path template(String text) throws Exception {
    Path file = folder.resolve("kiali-server-values-mirror.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void fillsTheRegistryAndTheTagsOfTheList() throws Exception {
    Path template =
        template(
            """
            # ${mirror} and ${tag:NAME} stay as they are in a comment
            deployment:
              image_name: ${mirror}/kiali
              image_version: ${tag:kiali}
            global: {hub: "${mirror}/istio", tag: "${tag:istio/pilot}"}
            """);

    MirrorValues values = MirrorValues.fill(template, REGISTRY, MIRROR);

    assertThat(values.text())
        .contains("# ${mirror} and ${tag:NAME} stay as they are in a comment")
        .contains("image_name: " + REGISTRY + "/mirror/kiali\n")
        .contains("image_version: v2.24.0\n")
        .contains("global: {hub: \"" + REGISTRY + "/mirror/istio\", tag: \"1.30.4\"}");
    assertThat(values.registry()).isEqualTo(REGISTRY);
    assertThat(values.template()).isEqualTo(template);
  }

  @Test
  void aTagOfAnImageTheListLacksIsRefusedAtItsLine() throws Exception {
    Path template =
        template("deployment:\n  image_name: ${mirror}/kiali\n  image_version: ${tag:kialy}\n");

    assertThatThrownBy(() -> MirrorValues.fill(template, REGISTRY, MIRROR))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("${tag:kialy} names no entry of the mirror list")
        .satisfies(
            e -> {
              InputException input = (InputException) e;
              assertThat(input.location()).contains(template + ":3:18");
            });
  }

  @Test
  void anUnknownPlaceholderIsRefused() throws Exception {
    Path template = template("image:\n  registry: ${registry}\n");

    assertThatThrownBy(() -> MirrorValues.fill(template, REGISTRY, MIRROR))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown placeholder ${registry}");
  }

  @Test
  void aMissingTemplateIsAnInputError() {
    assertThatThrownBy(() -> MirrorValues.fill(folder.resolve("absent.yaml"), REGISTRY, MIRROR))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void theListRecordsWhatEachEntryFollowsAndWhenItIsStale() {
    PinnedVersions pins =
        new PinnedVersions(
            Map.of(
                "kubernetes.postgres.image", "postgres:17.6-alpine",
                "observability.kiali.version", "2.25.0",
                "mirror.postgres.source", "postgres:17.6-alpine",
                "mirror.postgres.pin", "kubernetes.postgres.image",
                "mirror.kiali.source", "quay.io/kiali/kiali:v2.24.0",
                "mirror.kiali.chart", "observability.kiali.version 2.24.0"));

    List<MirroredImage> list = MirroredImage.list(pins);

    assertThat(list).extracting(MirroredImage::name).containsExactlyInAnyOrder("postgres", "kiali");
    MirroredImage kiali = list.stream().filter(i -> i.name().equals("kiali")).findFirst().get();
    MirroredImage postgres =
        list.stream().filter(i -> i.name().equals("postgres")).findFirst().get();
    assertThat(postgres.staleAgainst(pins)).isEmpty();
    assertThat(kiali.staleAgainst(pins))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains(
                        "derived for observability.kiali.version 2.24.0, which is now 2.25.0"));
    assertThat(kiali.repository(REGISTRY)).isEqualTo(REGISTRY + "/mirror/kiali");
  }

  @Test
  void anEntryThatDiffersFromItsImagePinOrFollowsNoPinIsStale() {
    PinnedVersions pins =
        new PinnedVersions(
            Map.of(
                "kubernetes.postgres.image", "postgres:17.7-alpine",
                "mirror.postgres.source", "postgres:17.6-alpine",
                "mirror.postgres.pin", "kubernetes.postgres.image",
                "mirror.redis.source", "redis:7.2.10-alpine",
                "mirror.redis.pin", "kubernetes.redis.image"));

    assertThat(MirroredImage.list(pins))
        .map(image -> image.staleAgainst(pins).orElse(""))
        .containsExactlyInAnyOrder(
            "mirror.postgres is postgres:17.6-alpine but kubernetes.postgres.image is"
                + " postgres:17.7-alpine: the cluster runs the pin, so mirror that",
            "mirror.redis follows 'kubernetes.redis.image', which infra/versions.yaml does not pin");
  }

  @Test
  void malformedEntriesAreRefused() {
    assertThatThrownBy(
            () -> MirroredImage.list(new PinnedVersions(Map.of("mirror.postgres", "postgres:17"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("mirror.postgres in infra/versions.yaml is a plain value");
    assertThatThrownBy(
            () ->
                MirroredImage.list(
                    new PinnedVersions(Map.of("mirror.postgres.source", "postgres:17"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("mirror.postgres in infra/versions.yaml has fields [.source]");
    assertThatThrownBy(
            () ->
                MirroredImage.list(
                    new PinnedVersions(
                        Map.of(
                            "mirror.busybox.source", "busybox:latest",
                            "mirror.busybox.pin", "x"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("pins no version tag");
  }
}
