package com.alphintra.infra.manifest.k3d;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of {@code volumes}: a mount into the cluster's nodes.
 *
 * @param volume the mount, {@code [SOURCE:]DEST[:MODE]}, such as {@code /tmp/alphintra:/data}
 * @param nodeFilters which nodes get it, such as {@code server:0} or {@code all}
 */
public record K3dVolume(Optional<String> volume, List<String> nodeFilters) {

  public K3dVolume {
    nodeFilters = List.copyOf(nodeFilters);
  }

  /**
   * The host directory or file mounted, when the source is a path ({@code /abs}, {@code ./rel},
   * {@code ~/x}); empty for a named Docker volume or a mount without a source.
   */
  public Optional<Path> hostPath() {
    return volume
        .map(PortSpec::withoutNodeFilter)
        .flatMap(
            spec -> {
              int colon = spec.indexOf(':');
              if (colon <= 0) {
                return Optional.empty();
              }
              String source = spec.substring(0, colon);
              boolean isPath =
                  source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
              return isPath ? Optional.of(Path.of(source)) : Optional.empty();
            });
  }
}
