package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A third-party image an environment runs, and the name it is mirrored under in the environment's
 * registry: {@code REGISTRY/mirror/NAME:TAG}, the tag kept from the source.
 *
 * <p>infra/versions.yaml writes each entry of its {@code mirror:} list as {@code NAME: {source:
 * IMAGE, pin: KEY}} when the image is one of its own pins (the source must equal that pin), or
 * {@code NAME: {source: IMAGE, chart: "KEY VERSION"}} when the image is one a Helm chart runs: KEY
 * is the chart's version pin and VERSION the version the entry was derived for, so that a new chart
 * pin shows up as an entry still written for the old one ({@link #staleAgainst}).
 *
 * @param name the name under {@code mirror/}, e.g. {@code pgbouncer}
 * @param source the image as published, with its tag, e.g. {@code edoburu/pgbouncer:v1.25.2-p0}
 * @param derivation the pin the entry follows: {@code KEY} or {@code KEY VERSION}; empty for an
 *     image made up in a test
 */
public record MirroredImage(String name, String source, Optional<String> derivation) {

  static final String PREFIX = "mirror.";

  private static final String SOURCE = ".source";
  private static final String PIN = ".pin";
  private static final String CHART = ".chart";

  /**
   * The list infra/versions.yaml keeps under {@code mirror:}, in its order.
   *
   * @throws InputException for an entry without a source or a pin it follows, or one whose source
   *     pins no version tag
   */
  public static List<MirroredImage> list(PinnedVersions pins) {
    Map<String, Map<String, String>> entries = new LinkedHashMap<>();
    for (Map.Entry<String, String> pin : pins.entries().entrySet()) {
      String key = pin.getKey();
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String rest = key.substring(PREFIX.length());
      int dot = rest.lastIndexOf('.');
      if (dot <= 0) {
        throw new InputException(
            "mirror." + rest + " in infra/versions.yaml is a plain value",
            "write it as "
                + rest
                + ": {source: IMAGE:TAG, pin: KEY} or {source: ..., chart: \"KEY"
                + " VERSION\"} (see the comment above the mirror list)");
      }
      entries
          .computeIfAbsent(rest.substring(0, dot), name -> new LinkedHashMap<>())
          .put(rest.substring(dot), pin.getValue());
    }
    List<MirroredImage> images = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> entry : entries.entrySet()) {
      String name = entry.getKey();
      Map<String, String> fields = entry.getValue();
      String source = fields.get(SOURCE);
      Optional<String> derivation =
          Optional.ofNullable(fields.getOrDefault(PIN, fields.get(CHART)));
      if (source == null || derivation.isEmpty() || fields.size() != 2) {
        throw new InputException(
            "mirror." + name + " in infra/versions.yaml has fields " + fields.keySet(),
            "give it exactly a source and either a pin (the key of the pin it equals) or a chart"
                + " (\"KEY VERSION\" of the chart pin it was derived for)");
      }
      MirroredImage image = new MirroredImage(name, source, derivation);
      image.tag();
      images.add(image);
    }
    return images;
  }

  /**
   * The list, refused while an entry no longer follows its pin: {@code cloud images} would copy,
   * and a cloud overlay's charts would run, images of a chart version no longer installed.
   *
   * @throws InputException naming every stale entry and why
   */
  public static List<MirroredImage> current(PinnedVersions pins) {
    List<MirroredImage> images = list(pins);
    List<String> stale = new ArrayList<>();
    for (MirroredImage image : images) {
      image.staleAgainst(pins).ifPresent(stale::add);
    }
    if (!stale.isEmpty()) {
      throw new InputException(
          "the mirror list in infra/versions.yaml no longer follows its pins: "
              + String.join("; ", stale),
          "write those entries again for the pinned versions (infra/kubernetes/README.md, \"Images"
              + " in the GKE environments\", says how the list is derived)");
    }
    return images;
  }

  /** An image with no recorded derivation (tests, a copy made by hand). */
  public static MirroredImage of(String name, String source) {
    MirroredImage image = new MirroredImage(name, source, Optional.empty());
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

  /** The copy's repository in {@code registry}: {@code REGISTRY/mirror/NAME}. */
  public String repository(String registry) {
    return registry + "/mirror/" + name;
  }

  /** Where the copy goes in {@code registry} ({@code REGION-docker.pkg.dev/PROJECT/REPO}). */
  public String target(String registry) {
    return repository(registry) + ":" + tag();
  }

  /**
   * Why this entry no longer follows the pin it names, or empty when it does: the pin is gone, the
   * image differs from the image pin it copies, or the chart pin moved on from the version the
   * entry was derived for.
   */
  public Optional<String> staleAgainst(PinnedVersions pins) {
    if (derivation.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = derivation.get().strip().split("\\s+");
    String key = parts[0];
    Optional<String> pinned = pins.find(key);
    if (pinned.isEmpty()) {
      return Optional.of(
          "mirror." + name + " follows '" + key + "', which infra/versions.yaml does not pin");
    }
    if (parts.length == 1) {
      return pinned.get().equals(source)
          ? Optional.empty()
          : Optional.of(
              "mirror."
                  + name
                  + " is "
                  + source
                  + " but "
                  + key
                  + " is "
                  + pinned.get()
                  + ": the cluster runs the pin, so mirror that");
    }
    return pinned.get().equals(parts[1])
        ? Optional.empty()
        : Optional.of(
            "mirror."
                + name
                + " was derived for "
                + key
                + " "
                + parts[1]
                + ", which is now "
                + pinned.get()
                + ": look up the image tags of that chart version and update the entry and its"
                + " chart field");
  }
}
