package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The pins of {@code infra/versions.yaml}, flattened to dotted keys ({@code
 * kubernetes.istio.version}), in file order.
 */
public record PinnedVersions(Map<String, String> entries) {

  public PinnedVersions {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static PinnedVersions read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + file + ": " + e.getMessage(),
          file,
          "restore infra/versions.yaml from git");
    }
    Object document;
    try {
      document =
          new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      int column = e.getProblemMark().map(mark -> mark.getColumn() + 1).orElse(0);
      throw new InputException(
          "malformed YAML: " + e.getProblem(),
          file,
          line,
          column,
          "fix the YAML syntax of infra/versions.yaml",
          e);
    } catch (YamlEngineException e) {
      throw new InputException(
          "malformed YAML: " + e.getMessage(), file, "fix the YAML syntax of infra/versions.yaml");
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new InputException(
          "expected a mapping of version pins",
          file,
          "infra/versions.yaml must be a YAML mapping, as in the repository");
    }
    Map<String, String> flattened = new LinkedHashMap<>();
    flatten("", map, flattened);
    return new PinnedVersions(flattened);
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, into);
      } else if (entry.getValue() instanceof List<?> list) {
        into.put(key, list.toString());
      } else if (entry.getValue() != null) {
        into.put(key, entry.getValue().toString());
      }
    }
  }

  public Optional<String> find(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public String require(String key) {
    return find(key)
        .orElseThrow(
            () ->
                new InputException(
                    "infra/versions.yaml has no pin '" + key + "'",
                    "add '" + key + "' to infra/versions.yaml"));
  }
}
