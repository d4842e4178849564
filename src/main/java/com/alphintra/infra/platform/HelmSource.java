package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an object a Helm release renders comes from: the release, the chart's template and our
 * values files, so that a finding points at the values line that sets the value when there is one.
 *
 * @param release the release name ({@code istiod})
 * @param template the chart's template, {@code charts/istiod-1.30.4.tgz:templates/deployment.yaml}
 * @param overlays the overlays whose {@code up} installs this render, sorted
 * @param values our values files of the release, in the order Helm merges them (a later one wins)
 */
public record HelmSource(
    String release, Path template, List<String> overlays, List<ValuesFile> values) {

  public HelmSource {
    overlays = List.copyOf(overlays);
    values = List.copyOf(values);
  }

  /**
   * A values file and its parsed document.
   *
   * @param file relative to the repository root
   */
  public record ValuesFile(Path file, ManifestDocument document) {}

  /**
   * The values line that sets the field at {@code path} of {@code object}, else the template: a
   * value of the same key and the same value (the last file that writes it wins), an image tag or
   * name that the rendered image ends with, or a map whose entries all appear in the rendered map.
   */
  public SourceLocation locate(LoadedObject object, String path) {
    FieldPath field = FieldPath.parse(path);
    Optional<Object> rendered = object.object().document().valueAt(field);
    String key = lastKey(path);
    if (rendered.isPresent() && key != null) {
      for (int index = values.size() - 1; index >= 0; index--) {
        ValuesFile file = values.get(index);
        Optional<String> found = find(file.document().root(), "", key, rendered.get());
        if (found.isPresent()) {
          int line =
              file.document()
                  .positionOf(FieldPath.parse(found.get()))
                  .map(position -> position.line())
                  .orElse(0);
          return new SourceLocation(file.file(), line);
        }
      }
    }
    return new SourceLocation(template, 0);
  }

  private static String lastKey(String path) {
    String withoutIndex = path.replaceAll("\\[[^]]*]$", "");
    int dot = withoutIndex.lastIndexOf('.');
    String key = dot < 0 ? withoutIndex : withoutIndex.substring(dot + 1);
    return key.isEmpty() ? null : key;
  }

  private static Optional<String> find(Object node, String prefix, String key, Object rendered) {
    if (!(node instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<?, ?> entry : entries) {
      if (!(entry.getKey() instanceof String name)) {
        continue;
      }
      String here = prefix.isEmpty() ? name : prefix + "." + name;
      if (matches(name, entry.getValue(), key, rendered)) {
        return Optional.of(here);
      }
      Optional<String> deeper = find(entry.getValue(), here, key, rendered);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String name, Object value, String key, Object rendered) {
    if (name.equals(key)) {
      if (value instanceof Map<?, ?> written && rendered instanceof Map<?, ?> actual) {
        return !written.isEmpty() && actual.entrySet().containsAll(written.entrySet());
      }
      if (value != null && String.valueOf(value).equals(String.valueOf(rendered))) {
        return true;
      }
    }
    if (key.equals("image")
        && (name.equals("tag") || name.equals("image") || name.endsWith("version"))
        && value != null
        && !(value instanceof Map)
        && rendered instanceof String image) {
      String text = String.valueOf(value);
      return !text.isEmpty()
          && (image.endsWith(":" + text) || image.endsWith("@" + text) || image.equals(text));
    }
    return false;
  }
}
