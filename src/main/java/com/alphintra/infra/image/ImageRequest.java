package com.alphintra.infra.image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What goes into an image: the base, the compiled classes and how the container starts.
 *
 * @param base the base image
 * @param classes the folder of compiled classes, copied to {@code appRoot}/classes
 * @param appRoot where the application lives in the image, e.g. {@code /app}
 * @param entrypoint the container's entrypoint
 * @param user the user (uid:gid) the container runs as; never root
 * @param port the TCP port the container exposes
 * @param labels the image's labels, in order
 */
public record ImageRequest(
    BaseImage base,
    Path classes,
    String appRoot,
    List<String> entrypoint,
    String user,
    int port,
    Map<String, String> labels) {

  public ImageRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(classes, "classes");
    entrypoint = List.copyOf(entrypoint);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    if (user.isBlank() || user.equals("0") || user.startsWith("0:") || user.startsWith("root")) {
      throw new IllegalArgumentException("the image must not run as root, got user '" + user + "'");
    }
  }

  public ImageRequest withBase(BaseImage newBase) {
    return new ImageRequest(newBase, classes, appRoot, entrypoint, user, port, labels);
  }
}
