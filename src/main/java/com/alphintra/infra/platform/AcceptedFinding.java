package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings of our rules on objects an upstream Helm chart renders that we accept, with the reason
 * (an entry of {@link HelmReleases#ACCEPTED_FILE}). {@code check} counts them as suppressed; they
 * apply to objects of Helm releases only.
 *
 * @param object the start of the object's name as findings write it ({@code DaemonSet
 *     istio-system/istio-cni-node} covers its containers too)
 * @param rules the rule ids it accepts
 * @param reason why
 * @param file the file of the entry, relative to the repository root
 * @param line the entry's line
 */
public record AcceptedFinding(
    String object, Set<String> rules, String reason, Path file, int line) {

  public AcceptedFinding {
    rules = Set.copyOf(rules);
  }

  /** Whether this entry accepts a finding of {@code rule} on {@code findingObject}. */
  public boolean covers(String rule, String findingObject) {
    return rules.contains(rule) && findingObject.startsWith(object);
  }

  /**
   * The entries of {@link HelmReleases#ACCEPTED_FILE} under {@code root}; none without the file.
   */
  public static List<AcceptedFinding> of(Path root) {
    Path file = root.resolve(HelmReleases.ACCEPTED_FILE);
    if (!java.nio.file.Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return read(
          new com.alphintra.infra.manifest.ManifestLoader()
              .fromTextUntyped(
                  java.nio.file.Files.readString(file),
                  com.alphintra.infra.manifest.Origin.of(HelmReleases.ACCEPTED_FILE))
              .documents());
    } catch (java.io.IOException | com.alphintra.infra.manifest.ManifestParseException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The entries of the file's document ({@code accepted:} a list of {@code object}, {@code rules},
   * {@code reason}); entries without an object, a rule or a reason accept nothing.
   */
  static List<AcceptedFinding> read(List<ManifestDocument> documents) {
    List<AcceptedFinding> accepted = new ArrayList<>();
    if (documents.isEmpty()
        || !(documents.get(0).rootMap().orElse(Map.of()).get("accepted")
            instanceof List<?> entries)) {
      return accepted;
    }
    for (int index = 0; index < entries.size(); index++) {
      if (entries.get(index) instanceof Map<?, ?> entry
          && entry.get("object") instanceof String object
          && entry.get("reason") instanceof String reason
          && !reason.isBlank()
          && entry.get("rules") instanceof List<?> rules) {
        Set<String> ids = new TreeSet<>();
        rules.forEach(rule -> ids.add(String.valueOf(rule)));
        int line =
            documents
                .get(0)
                .positionOf(FieldPath.parse("accepted[" + index + "]"))
                .map(position -> position.line())
                .orElse(0);
        accepted.add(new AcceptedFinding(object, ids, reason, HelmReleases.ACCEPTED_FILE, line));
      }
    }
    return accepted;
  }
}
