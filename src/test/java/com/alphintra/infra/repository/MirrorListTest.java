package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.workspace.ChartRelease;
import com.alphintra.infra.workspace.ChartReleases;
import com.alphintra.infra.workspace.MirroredImage;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mirror:} list of infra/versions.yaml follows the pins it was made from. Each entry
 * records the pin it follows: an image pin it must equal (the overlays' own images), or a chart's
 * version pin and the version the entry was derived for (the Helm releases' images). A chart pin
 * that moves (by hand or by Renovate) while its entries still say the old version fails here: the
 * new chart version's images must be looked up and the entries written again.
 *
 * <p>How the entries were derived where the chart archives of {@code ../shared/charts} are older
 * than the pins (Istio 1.30.3 for the pinned 1.30.4, kube-prometheus-stack 88.5.3 for 91.5.0) is
 * written beside them in infra/versions.yaml: Istio's images carry the release's tag; for
 * kube-prometheus-stack the operator and config reloader follow the 91.x release notes and the rest
 * are 88.5.3's defaults. The mirror layers set every tag from the list, so {@link
 * HelmMirrorImagesTest} renders exactly these tags from the older archives.
 */
class MirrorListTest {

  private static final Path VERSIONS = InfraTree.repositoryRoot().resolve("infra/versions.yaml");

  @TempDir Path folder;

  @Test
  void everyEntryFollowsThePinItNames() {
    PinnedVersions pins = PinnedVersions.read(VERSIONS);
    List<MirroredImage> mirror = MirroredImage.list(pins);

    assertThat(mirror).isNotEmpty().allSatisfy(image -> assertThat(image.derivation()).isPresent());
    assertThat(mirror.stream().map(image -> image.staleAgainst(pins)).flatMap(o -> o.stream()))
        .as("mirror entries that no longer follow their pin")
        .isEmpty();
    // what cloud images and up --overlay E read
    assertThat(MirroredImage.current(pins)).isEqualTo(mirror);
  }

  @Test
  void aChartPinThatMovesWithoutItsEntriesFailsNamingThem() throws Exception {
    String text = Files.readString(VERSIONS);
    String moved =
        text.replaceFirst(
            "(chart: \"kube-prometheus-stack\"\\s*\\n\\s+version: )\"91\\.5\\.0\"", "$1\"91.6.0\"");
    assertThat(moved).as("the pin was found and moved").isNotEqualTo(text);
    Path file = folder.resolve("versions.yaml");
    Files.writeString(file, moved);
    PinnedVersions pins = PinnedVersions.read(file);

    List<String> stale = new ArrayList<>();
    for (MirroredImage image : MirroredImage.list(pins)) {
      image.staleAgainst(pins).ifPresent(stale::add);
    }

    assertThat(stale)
        .isNotEmpty()
        .allSatisfy(
            why ->
                assertThat(why)
                    .contains(
                        "derived for observability.kubePrometheusStack.version 91.5.0, which is now"
                            + " 91.6.0"))
        .anySatisfy(why -> assertThat(why).startsWith("mirror.prometheus-operator "))
        .anySatisfy(why -> assertThat(why).startsWith("mirror.grafana "));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MirroredImage.current(pins))
        .isInstanceOf(com.alphintra.infra.error.InputException.class)
        .hasMessageContaining("the mirror list in infra/versions.yaml no longer follows its pins")
        .hasMessageContaining("mirror.kube-state-metrics was derived for");
  }

  @Test
  void anImagePinThatMovesWithoutItsEntryFails() throws Exception {
    Path file = folder.resolve("versions.yaml");
    Files.writeString(
        file,
        Files.readString(VERSIONS)
            .replace("image: \"postgres:17.6-alpine\"", "image: \"postgres:17.7-alpine\""));
    PinnedVersions pins = PinnedVersions.read(file);

    assertThat(
            MirroredImage.list(pins).stream()
                .map(image -> image.staleAgainst(pins))
                .flatMap(o -> o.stream()))
        .containsExactly(
            "mirror.postgres is postgres:17.6-alpine but kubernetes.postgres.image is"
                + " postgres:17.7-alpine: the cluster runs the pin, so mirror that");
  }

  /** Every chart a cloud overlay installs with a mirror layer has entries derived for its pin. */
  @Test
  void everyChartWithAMirrorLayerHasEntriesDerivedForItsPin() {
    Workspace workspace = new Workspace(InfraTree.repositoryRoot());
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    ChartReleases releases = new ChartReleases(workspace, pins);
    List<ChartRelease> cloud = new ArrayList<>(releases.forOverlay("dev"));
    cloud.addAll(releases.operators("dev"));
    List<String> derivedFor =
        MirroredImage.list(pins).stream()
            .map(image -> image.derivation().orElse(""))
            .filter(derivation -> derivation.contains(" "))
            .toList();

    for (ChartRelease release : cloud) {
      if (release.mirrorValues().isEmpty()) {
        assertThat(release.chart()).isIn("base", "gateway");
        continue;
      }
      assertThat(derivedFor)
          .as(release.display() + ": entries derived for its pinned version")
          .anyMatch(derivation -> derivation.endsWith(" " + release.version()));
    }
  }
}
