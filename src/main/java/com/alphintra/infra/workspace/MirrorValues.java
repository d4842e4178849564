package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values layer that makes a chart pull its images from the environment's mirror in Artifact
 * Registry, where {@code alphintra cloud images} copies the {@code mirror:} list of
 * infra/versions.yaml. Written as a template beside the chart's values, {@code
 * <chart>-values-mirror.yaml}, with two placeholders that {@code up} and {@code check} fill for a
 * cloud overlay:
 *
 * <ul>
 *   <li>{@code ${mirror}}: {@code REGISTRY/mirror}, REGISTRY from the overlay's cloud-outputs.env
 *       (its example where only rendered);
 *   <li>{@code ${tag:NAME}}: the tag of entry NAME of the mirror list, so the list decides what the
 *       cluster runs and what is copied, whatever the chart's own defaults.
 * </ul>
 *
 * <p>Placeholders on comment lines are left as they are.
 *
 * @param template the committed template
 * @param registry the environment's registry ({@code REGION-docker.pkg.dev/PROJECT/REPO})
 * @param text the template with every placeholder filled
 */
public record MirrorValues(Path template, String registry, String text) {

  /** The file name suffix of a chart's mirror layer: {@code <chart>-values-mirror.yaml}. */
  public static final String SUFFIX = "-values-mirror.yaml";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * Fills the template.
   *
   * @throws InputException at the line of an unknown placeholder or a name the mirror list lacks
   */
  public static MirrorValues fill(Path template, String registry, List<MirroredImage> mirror) {
    String source;
    try {
      source = Files.readString(template);
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + template + ": " + e.getMessage(), template, "restore it from git");
    }
    Map<String, MirroredImage> byName =
        mirror.stream().collect(Collectors.toMap(MirroredImage::name, Function.identity()));
    StringBuilder filled = new StringBuilder();
    Matcher matcher = PLACEHOLDER.matcher(source);
    while (matcher.find()) {
      int lineStart = source.lastIndexOf('\n', matcher.start()) + 1;
      if (source.substring(lineStart, matcher.start()).strip().startsWith("#")) {
        continue; // a comment may name the placeholders
      }
      String placeholder = matcher.group(1);
      String value;
      if (placeholder.equals("mirror")) {
        value = registry + "/mirror";
      } else if (placeholder.startsWith("tag:")
          && byName.containsKey(placeholder.substring("tag:".length()))) {
        value = byName.get(placeholder.substring("tag:".length())).tag();
      } else {
        int line =
            (int) source.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
        throw new InputException(
            placeholder.startsWith("tag:")
                ? "${" + placeholder + "} names no entry of the mirror list in infra/versions.yaml"
                : "unknown placeholder ${" + placeholder + "}",
            template,
            line + 1,
            matcher.start() - lineStart + 1,
            "use ${mirror} (REGISTRY/mirror) or ${tag:NAME} with NAME an entry of the mirror list"
                + " (add the image there first)",
            null);
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return new MirrorValues(template, registry, filled.toString());
  }
}
