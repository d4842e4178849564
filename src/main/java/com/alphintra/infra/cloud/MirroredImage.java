package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.workspace.PinnedVersions;
import java.util.List;

/**
 * A third-party image an environment runs, and the name it is mirrored under in the environment's
 * registry: {@code REGISTRY/mirror/NAME:TAG}, the tag kept from the source.
 *
 * @param name the name under {@code mirror/}, e.g. {@code pgbouncer}
 * @param source the image as published, with its tag, e.g. {@code edoburu/pgbouncer:v1.25.2-p0}
 */
public record MirroredImage(String name, String source) {

  static final String PREFIX = "mirror.";

  /** The list infra/versions.yaml keeps under {@code mirror:}, in its order. */
  public static List<MirroredImage> list(PinnedVersions pins) {
    return pins.entries().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(PREFIX))
        .map(entry -> of(entry.getKey().substring(PREFIX.length()), entry.getValue()))
        .toList();
  }

  static MirroredImage of(String name, String source) {
    MirroredImage image = new MirroredImage(name, source);
    image.tag();
    return image;
  }

  /** The source's tag: what the copy is tagged with. */
  public String tag() {
    String withoutDigest = source.contains("@") ? source.substring(0, source.indexOf('@')) : source;
    int colon = withoutDigest.lastIndexOf(':');
    if (colon < 0 || colon < withoutDigest.lastIndexOf('/') || withoutDigest.endsWith(":latest")) {
      throw new InputException(
          "mirror."
              + name
              + " in infra/versions.yaml is '"
              + source
              + "', which pins no version tag",
          "pin a version tag, never 'latest': the registry's tags are immutable");
    }
    return withoutDigest.substring(colon + 1);
  }

  /** Where the copy goes in {@code registry} ({@code REGION-docker.pkg.dev/PROJECT/REPO}). */
  public String target(String registry) {
    return registry + "/mirror/" + name + ":" + tag();
  }
}
