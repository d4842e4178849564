package com.alphintra.infra.local;

import com.alphintra.infra.workspace.ChartRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A group of Helm releases installed in order and removed in reverse, as one step needs them. */
final class Releases {

  private final List<ChartRelease> releases;
  private final Supplier<Charts> charts;
  private final java.nio.file.Path root;

  /**
   * @param root the checkout, so the plan shows values files relative to it
   */
  Releases(List<ChartRelease> releases, Supplier<Charts> charts, java.nio.file.Path root) {
    this.releases = List.copyOf(releases);
    this.charts = charts;
    this.root = root;
  }

  List<String> details() {
    List<String> details = new ArrayList<>();
    for (ChartRelease release : releases) {
      details.add(
          "helm: "
              + release.display()
              + " as "
              + release.namespace()
              + "/"
              + release.name()
              + " ("
              + release.repositoryUrl()
              + ", values "
              + String.join(
                  " + ",
                  release.valuesFiles().stream()
                      .map(
                          file -> (file.startsWith(root) ? root.relativize(file) : file).toString())
                      .toList())
              + release
                  .mirrorValues()
                  .map(
                      mirror ->
                          " + "
                              + shown(mirror.template())
                              + " with images from "
                              + mirror.registry()
                              + "/mirror")
                  .orElse("")
              + ")");
    }
    return details;
  }

  private String shown(java.nio.file.Path file) {
    return (file.startsWith(root) ? root.relativize(file) : file).toString();
  }

  boolean allDeployed() {
    for (ChartRelease release : releases) {
      if (!charts
          .get()
          .status(release.name(), release.namespace())
          .map(found -> found.isDeployed(release.version()))
          .orElse(false)) {
        return false;
      }
    }
    return true;
  }

  void install(Duration eachTimeout) throws InterruptedException {
    for (ChartRelease release : releases) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before installing " + release.display());
      }
      boolean current =
          charts
              .get()
              .status(release.name(), release.namespace())
              .map(found -> found.isDeployed(release.version()))
              .orElse(false);
      if (!current) {
        charts.get().install(release, eachTimeout);
      }
    }
  }

  void uninstall() {
    List<ChartRelease> reversed = new ArrayList<>(releases);
    java.util.Collections.reverse(reversed);
    for (ChartRelease release : reversed) {
      charts.get().uninstall(release.name(), release.namespace());
    }
  }
}
