package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Kubernetes objects of each environment's overlay ({@code overlays/dev}), indexed once: the
 * overlay as kubectl renders it when it was rendered, else the objects written in the overlay's
 * folder (patches included); and for a rendered object, the object of the overlay's folder that
 * writes it, for a file and line.
 */
public final class OverlayObjects {

  private final Map<String, List<LoadedObject>> rendered = new HashMap<>();
  private final Map<String, List<LoadedObject>> written = new HashMap<>();
  private final Map<String, List<LoadedObject>> writtenByName = new HashMap<>();
  private final Map<String, List<LoadedObject>> sharedByName = new HashMap<>();

  public OverlayObjects(Platform platform) {
    platform.overlays().forEach((name, view) -> rendered.put(name, view.objects()));
    for (LoadedObject object : platform.kubernetes().objects()) {
      Optional<String> overlay = overlayOf(object.file());
      if (overlay.isPresent()) {
        written.computeIfAbsent(overlay.get(), key -> new ArrayList<>()).add(object);
        writtenByName
            .computeIfAbsent(
                key(overlay.get(), object.kind(), object.name()), k -> new ArrayList<>())
            .add(object);
      } else {
        sharedByName
            .computeIfAbsent(key("", object.kind(), object.name()), k -> new ArrayList<>())
            .add(object);
      }
    }
  }

  /** Whether the environment has an overlay at all. */
  public boolean has(String environment) {
    return rendered.containsKey(environment) || written.containsKey(environment);
  }

  /**
   * Whether kubectl rendered the overlay: only then are its objects all it deploys (the written
   * objects of its folder leave out its bases and components).
   */
  public boolean isRendered(String environment) {
    return rendered.containsKey(environment);
  }

  /** The objects the overlay deploys: rendered when it was, else those written in its folder. */
  public List<LoadedObject> of(String environment) {
    return rendered.containsKey(environment)
        ? rendered.get(environment)
        : written.getOrDefault(environment, List.of());
  }

  /**
   * Where a rendered object is written, for its file and line: among the objects of that kind and
   * name in the overlay's folder (patches), then in shared folders (base, components), the first
   * that {@code writes} accepts, else the first of them, else the rendered object itself.
   */
  public LoadedObject writtenFor(
      String environment, LoadedObject object, Predicate<LoadedObject> writes) {
    List<LoadedObject> candidates = candidates(environment, object);
    return candidates.stream()
        .filter(writes)
        .findFirst()
        .orElse(candidates.isEmpty() ? object : candidates.get(0));
  }

  /**
   * As {@link #writtenFor}, but only an object that {@code writes} accepts, else the rendered
   * object itself.
   */
  public LoadedObject writingObject(
      String environment, LoadedObject object, Predicate<LoadedObject> writes) {
    return candidates(environment, object).stream().filter(writes).findFirst().orElse(object);
  }

  private List<LoadedObject> candidates(String environment, LoadedObject object) {
    if (object.overlay().isEmpty()) {
      return List.of(object);
    }
    List<LoadedObject> candidates =
        new ArrayList<>(
            writtenByName.getOrDefault(key(environment, object.kind(), object.name()), List.of()));
    candidates.addAll(sharedByName.getOrDefault(key("", object.kind(), object.name()), List.of()));
    return candidates;
  }

  private static String key(String environment, String kind, String name) {
    return environment + "/" + kind + "/" + name;
  }

  /** {@code dev} for a file under {@code .../overlays/dev/}. */
  private static Optional<String> overlayOf(Path file) {
    Path parent = file.getParent();
    for (int index = 0; parent != null && index + 1 < parent.getNameCount(); index++) {
      if (parent.getName(index).toString().equals("overlays")) {
        return Optional.of(parent.getName(index + 1).toString());
      }
    }
    return Optional.empty();
  }
}
