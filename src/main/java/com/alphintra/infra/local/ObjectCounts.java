package com.alphintra.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The number of objects per kind an overlay will apply, counted for {@code --dry-run} from the
 * files its kustomizations list ({@code resources} and {@code components}, followed into folders),
 * so a dry run starts no process at all. Patches change objects, not their number, so the counts
 * match what {@code kubectl kustomize} renders; a remote resource makes the counts unavailable.
 */
final class ObjectCounts {

  private ObjectCounts() {}

  /** Kind to count, in kind order; empty when the overlay cannot be counted from files. */
  static Map<String, Integer> count(Path overlay) {
    Map<String, Integer> counts = new TreeMap<>();
    try {
      walk(overlay, counts, 0);
      return counts;
    } catch (IOException | YamlEngineException | IllegalArgumentException e) {
      return Map.of();
    }
  }

  private static void walk(Path folder, Map<String, Integer> counts, int depth) throws IOException {
    if (depth > 20) {
      throw new IllegalArgumentException("kustomizations nest too deep at " + folder);
    }
    Path kustomization = folder.resolve("kustomization.yaml");
    if (!Files.isRegularFile(kustomization)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + folder);
    }
    Object document =
        new Load(LoadSettings.builder().build()).loadFromString(Files.readString(kustomization));
    if (!(document instanceof Map<?, ?> root)) {
      return;
    }
    for (String field : List.of("resources", "components")) {
      if (root.get(field) instanceof List<?> entries) {
        for (Object entry : entries) {
          String reference = String.valueOf(entry);
          if (reference.contains("://") || reference.startsWith("github.com/")) {
            throw new IllegalArgumentException("remote resource " + reference);
          }
          Path target = folder.resolve(reference).normalize();
          if (Files.isDirectory(target)) {
            walk(target, counts, depth + 1);
          } else {
            countFile(target, counts);
          }
        }
      }
    }
  }

  private static void countFile(Path file, Map<String, Integer> counts) throws IOException {
    for (Object document :
        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
      if (document instanceof Map<?, ?> object && object.get("kind") != null) {
        String kind = object.get("kind").toString();
        if (kind.endsWith("List") && object.get("items") instanceof List<?> items) {
          for (Object item : items) {
            if (item instanceof Map<?, ?> member && member.get("kind") != null) {
              counts.merge(member.get("kind").toString(), 1, Integer::sum);
            }
          }
        } else {
          counts.merge(kind, 1, Integer::sum);
        }
      }
    }
  }
}
