package com.alphintra.infra.local;

import com.alphintra.infra.exec.Command;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The overlay rendered once per run with {@code kubectl kustomize} (kustomize is kubectl's, we do
 * not reimplement it) and parsed by fabric8; the platform and observability steps share the result.
 */
final class RenderedOverlay {

  static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);

  private final Programs programs;
  private final Path overlay;
  private final Supplier<Cluster> cluster;
  private List<HasMetadata> objects;

  RenderedOverlay(Programs programs, Path overlay, Supplier<Cluster> cluster) {
    this.programs = programs;
    this.overlay = overlay;
    this.cluster = cluster;
  }

  static List<String> command(Path overlay) {
    return List.of("kubectl", "kustomize", overlay.toString());
  }

  synchronized List<HasMetadata> objects() throws InterruptedException {
    if (objects == null) {
      String yaml =
          programs
              .require(
                  Command.of(command(overlay)).withTimeout(RENDER_TIMEOUT),
                  "rendering " + overlay.getFileName() + " with kubectl kustomize")
              .stdout();
      objects = List.copyOf(cluster.get().load(yaml));
    }
    return objects;
  }
}
