package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.PathSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kustomizations of the tree as written ({@code kustomization.yaml} of kind Kustomization or
 * Component), read well enough to say, for an object an overlay renders, which written line a
 * rendered value comes from: the last replacement whose target writes it (its {@code fieldPaths}
 * entry), the last patch that writes it (strategic merge, JSON 6902, inline or from a file, of the
 * overlay, of a component or of a base), an {@code images:} entry, else the object's own file. Also
 * which files are patches (fragments, never objects of their own) and which files each overlay
 * includes, so an object every overlay includes is judged through the overlays.
 */
public final class Kustomizations {

  private static final Kustomizations NONE = new Kustomizations(Map.of(), Map.of(), List.of());

  private final Map<Path, Node> nodes;
  private final Map<Path, ManifestDocument> documents;
  private final Set<Path> fragments = new HashSet<>();
  private final Map<String, Closure> overlays = new HashMap<>();
  private final Map<String, List<LoadedObject>> writtenByKindAndName = new HashMap<>();

  /**
   * @param kustomizations each kustomization document by the file it is in (relative to the root)
   * @param documents the documents of every YAML file, by file (for patch files)
   * @param written the objects of the files as written
   */
  public Kustomizations(
      Map<Path, ManifestDocument> kustomizations,
      Map<Path, List<ManifestDocument>> documents,
      List<LoadedObject> written) {
    Map<Path, Node> parsed = new HashMap<>();
    kustomizations.forEach(
        (file, document) -> parsed.put(file.getParent(), Node.read(file, document, documents)));
    this.nodes = Map.copyOf(parsed);
    this.documents = Map.copyOf(kustomizations);
    for (Node node : nodes.values()) {
      for (Patch patch : node.patches()) {
        if (!patch.file().equals(node.file())) {
          fragments.add(patch.file());
        }
      }
    }
    for (Path directory : nodes.keySet()) {
      overlayName(directory)
          .ifPresent(name -> overlays.put(name, closure(directory, new HashSet<>())));
    }
    for (LoadedObject object : written) {
      if (!fragments.contains(object.file())) {
        writtenByKindAndName
            .computeIfAbsent(object.kind() + "/" + object.name(), key -> new ArrayList<>())
            .add(object);
      }
    }
  }

  /** No kustomization at all: every object stands on its own. */
  public static Kustomizations none() {
    return NONE;
  }

  /**
   * The line of the first of {@code keys} that kustomization {@code file} writes ({@code
   * components}, {@code resources}): where an object the overlay lacks would be added; else 1.
   */
  public int lineOf(Path file, String... keys) {
    ManifestDocument document = documents.get(file);
    if (document != null) {
      for (String key : keys) {
        Optional<Integer> line =
            document.positionOf(FieldPath.root().key(key)).map(position -> position.line());
        if (line.isPresent()) {
          return line.get();
        }
      }
    }
    return 1;
  }

  /**
   * Whether {@code file} is a patch of some kustomization: a fragment that only means something
   * applied to the object it targets.
   */
  public boolean isFragment(Path file) {
    return fragments.contains(file);
  }

  /** Whether overlay {@code overlay} includes {@code file} as a resource (through any base). */
  public boolean includes(String overlay, Path file) {
    Closure closure = overlays.get(overlay);
    return closure != null && closure.includes(file);
  }

  /**
   * Where the value at {@code path} of {@code rendered} (an object of overlay {@code overlay})
   * comes from: the last replacement that writes the field, the last patch applied to it that
   * writes the value, else an {@code images:} entry that sets the container's tag, digest or name,
   * else the field (or its nearest ancestor) in the file the object is written in, else the
   * overlay's kustomization.
   */
  public SourceLocation locate(String overlay, LoadedObject rendered, String path) {
    Optional<SourceLocation> changed = changeOf(overlay, rendered, path);
    if (changed.isPresent()) {
      return changed.get();
    }
    FieldPath field = FieldPath.parse(path);
    Closure closure = overlays.get(overlay);
    Optional<LoadedObject> source = writtenSource(overlay, closure, rendered);
    if (source.isPresent()) {
      LoadedObject written = source.get();
      FieldPath translated = translate(field, rendered.object().raw(), written.object().raw());
      return new SourceLocation(
          written.file(), written.object().nearestPositionOf(translated).line());
    }
    Path kustomization =
        closure != null ? closure.file() : rendered.file().resolve("kustomization.yaml");
    return new SourceLocation(kustomization, 1);
  }

  /**
   * The line that changes the value at {@code path} of {@code rendered} (an object of overlay
   * {@code overlay}) from what its file writes: the last replacement that writes the field, else
   * the last patch applied to it that writes or removes the value, else an {@code images:} entry
   * that sets the container's tag, digest or name.
   */
  public Optional<SourceLocation> changeOf(String overlay, LoadedObject rendered, String path) {
    FieldPath field = FieldPath.parse(path);
    Closure closure = overlays.get(overlay);
    if (closure == null) {
      return Optional.empty();
    }
    // Replacements run after patches and images: the last one that writes the field wins.
    for (int index = closure.replacements().size() - 1; index >= 0; index--) {
      Replacement replacement = closure.replacements().get(index);
      if (replacement.writes(rendered, field)) {
        return Optional.of(new SourceLocation(replacement.file(), replacement.line()));
      }
    }
    for (int index = closure.patches().size() - 1; index >= 0; index--) {
      Patch patch = closure.patches().get(index);
      if (patch.targets(rendered)) {
        Optional<Integer> line = patch.lineWriting(rendered, field);
        if (line.isPresent()) {
          return Optional.of(new SourceLocation(patch.file(), line.get()));
        }
      }
    }
    return imageEntry(closure, rendered, field);
  }

  /**
   * The patch that deletes {@code written} (an object of a file) from what overlay {@code overlay}
   * renders: a strategic-merge {@code $patch: delete} of the overlay, a component or a base, at
   * that line.
   */
  public Optional<SourceLocation> deletionOf(String overlay, LoadedObject written) {
    Closure closure = overlays.get(overlay);
    if (closure == null) {
      return Optional.empty();
    }
    for (int index = closure.patches().size() - 1; index >= 0; index--) {
      Optional<Integer> line = closure.patches().get(index).lineDeleting(written);
      if (line.isPresent()) {
        return Optional.of(new SourceLocation(closure.patches().get(index).file(), line.get()));
      }
    }
    return Optional.empty();
  }

  private Optional<LoadedObject> writtenSource(
      String overlay, Closure closure, LoadedObject rendered) {
    List<LoadedObject> candidates =
        writtenByKindAndName.getOrDefault(rendered.kind() + "/" + rendered.name(), List.of());
    LoadedObject best = null;
    int bestScore = -1;
    for (LoadedObject candidate : candidates) {
      int score =
          (closure != null && closure.includes(candidate.file()) ? 2 : 0)
              + (candidate.namespace().equals(rendered.namespace()) ? 1 : 0);
      if (closure != null && !closure.includes(candidate.file()) && closure.hasResources()) {
        // Another overlay's own object of the same name says nothing about this one.
        Optional<String> owner = overlayOf(candidate.file());
        if (owner.isPresent() && !owner.get().equals(overlay)) {
          continue;
        }
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The {@code images:} entry that gives a container at {@code field} ({@code ...containers[0]
   * .image}) its tag or digest (that line), else its name (the {@code newName} line).
   */
  private static Optional<SourceLocation> imageEntry(
      Closure closure, LoadedObject rendered, FieldPath field) {
    List<PathSegment> segments = field.segments();
    if (segments.isEmpty()
        || !(segments.get(segments.size() - 1) instanceof PathSegment.Key key)
        || !key.name().equals("image")) {
      return Optional.empty();
    }
    Object image = valueAt(rendered.object().raw(), field);
    if (!(image instanceof String reference)) {
      return Optional.empty();
    }
    String repository = repositoryOf(reference);
    for (int index = closure.images().size() - 1; index >= 0; index--) {
      ImageEntry entry = closure.images().get(index);
      if (entry.sets(repository)) {
        return Optional.of(new SourceLocation(entry.file(), entry.line()));
      }
    }
    return Optional.empty();
  }

  private static String repositoryOf(String image) {
    String reference = image;
    int at = reference.indexOf('@');
    if (at >= 0) {
      reference = reference.substring(0, at);
    }
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(0, colon) : reference;
  }

  private Closure closure(Path directory, Set<Path> visiting) {
    Node node = nodes.get(directory);
    Set<Path> files = new LinkedHashSet<>();
    Set<Path> folders = new LinkedHashSet<>();
    List<Patch> patches = new ArrayList<>();
    List<ImageEntry> images = new ArrayList<>();
    List<Replacement> replacements = new ArrayList<>();
    if (node == null || !visiting.add(directory)) {
      folders.add(directory);
      return new Closure(
          directory.resolve("kustomization.yaml"), files, folders, patches, images, replacements);
    }
    for (Path resource : node.resources()) {
      if (nodes.containsKey(resource)) {
        Closure inner = closure(resource, visiting);
        files.addAll(inner.files());
        folders.addAll(inner.folders());
        patches.addAll(inner.patches());
        images.addAll(inner.images());
        replacements.addAll(inner.replacements());
      } else if (resource.getFileName() != null
          && resource.getFileName().toString().matches(".*\\.ya?ml")) {
        files.add(resource);
      } else {
        // A folder without a kustomization (kustomize refuses it; the fake in tests does not).
        folders.add(resource);
      }
    }
    for (Path component : node.components()) {
      Closure inner = closure(component, visiting);
      files.addAll(inner.files());
      folders.addAll(inner.folders());
      patches.addAll(inner.patches());
      images.addAll(inner.images());
      replacements.addAll(inner.replacements());
    }
    patches.addAll(node.patches());
    images.addAll(node.images());
    replacements.addAll(node.replacements());
    visiting.remove(directory);
    return new Closure(node.file(), files, folders, patches, images, replacements);
  }

  /** {@code dev} for {@code .../overlays/dev}. */
  static Optional<String> overlayName(Path directory) {
    return directory != null
            && directory.getParent() != null
            && directory.getParent().getFileName() != null
            && directory.getParent().getFileName().toString().equals("overlays")
        ? Optional.of(directory.getFileName().toString())
        : Optional.empty();
  }

  /** The overlay a file is in ({@code .../overlays/<name>/...}), if any. */
  static Optional<String> overlayOf(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    for (int index = 0; index + 1 < file.getNameCount(); index++) {
      if (file.getName(index).toString().equals("overlays")) {
        return Optional.of(file.getName(index + 1).toString());
      }
    }
    return Optional.empty();
  }

  /**
   * {@code path} of {@code from} as a path of {@code to}: a list index becomes the index of the
   * item with the same {@code name} (the merge key of containers, volumes, env and ports), so a
   * rendered container matches its patch or base entry whatever their order.
   */
  static FieldPath translate(FieldPath path, Object from, Object to) {
    FieldPath translated = FieldPath.root();
    Object left = from;
    Object right = to;
    for (PathSegment segment : path.segments()) {
      if (segment instanceof PathSegment.Key key) {
        translated = translated.key(key.name());
        left = left instanceof Map<?, ?> map ? map.get(key.name()) : null;
        right = right instanceof Map<?, ?> map ? map.get(key.name()) : null;
      } else if (segment instanceof PathSegment.Index index) {
        Object item =
            left instanceof List<?> list && index.index() < list.size()
                ? list.get(index.index())
                : null;
        int target = index.index();
        if (item instanceof Map<?, ?> fields
            && fields.get("name") instanceof String name
            && right instanceof List<?> candidates) {
          target = -1;
          for (int at = 0; at < candidates.size(); at++) {
            if (candidates.get(at) instanceof Map<?, ?> candidate
                && name.equals(candidate.get("name"))) {
              target = at;
              break;
            }
          }
          if (target < 0) {
            return translated.index(Integer.MAX_VALUE / 2);
          }
        }
        translated = translated.index(target);
        left = item;
        right = right instanceof List<?> list && target < list.size() ? list.get(target) : null;
      }
    }
    return translated;
  }

  private static Object valueAt(Object root, FieldPath path) {
    Object node = root;
    for (PathSegment segment : path.segments()) {
      if (segment instanceof PathSegment.Key key && node instanceof Map<?, ?> map) {
        node = map.get(key.name());
      } else if (segment instanceof PathSegment.Index index
          && node instanceof List<?> list
          && index.index() < list.size()) {
        node = list.get(index.index());
      } else {
        return null;
      }
    }
    return node;
  }

  /** What an overlay is made of, resolved through its bases and components. */
  private record Closure(
      Path file,
      Set<Path> files,
      Set<Path> folders,
      List<Patch> patches,
      List<ImageEntry> images,
      List<Replacement> replacements) {

    boolean includes(Path candidate) {
      if (files.contains(candidate)) {
        return true;
      }
      for (Path folder : folders) {
        if (candidate.startsWith(folder)) {
          return true;
        }
      }
      return false;
    }

    boolean hasResources() {
      return !files.isEmpty() || !folders.isEmpty();
    }
  }

  /** One kustomization file. */
  private record Node(
      Path file,
      List<Path> resources,
      List<Path> components,
      List<Patch> patches,
      List<ImageEntry> images,
      List<Replacement> replacements) {

    static Node read(Path file, ManifestDocument document, Map<Path, List<ManifestDocument>> all) {
      Path directory = file.getParent();
      Map<String, Object> root = document.rootMap().orElse(Map.of());
      List<Path> resources = new ArrayList<>();
      for (String key : List.of("resources", "bases")) {
        for (String entry : texts(root.get(key))) {
          if (!entry.contains("://")) {
            resources.add(directory.resolve(entry).normalize());
          }
        }
      }
      List<Path> components = new ArrayList<>();
      for (String entry : texts(root.get("components"))) {
        components.add(directory.resolve(entry).normalize());
      }
      List<Patch> patches = new ArrayList<>();
      if (root.get("patchesStrategicMerge") instanceof List<?> legacy) {
        for (int index = 0; index < legacy.size(); index++) {
          if (legacy.get(index) instanceof String entry) {
            FieldPath at = FieldPath.root().key("patchesStrategicMerge").index(index);
            patches.add(Patch.of(directory, file, document, at, entry, Optional.empty(), all));
          }
        }
      }
      for (String key : List.of("patchesJson6902", "patches")) {
        if (root.get(key) instanceof List<?> entries) {
          for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index) instanceof Map<?, ?> entry) {
              FieldPath at = FieldPath.root().key(key).index(index);
              Optional<Target> target =
                  entry.get("target") instanceof Map<?, ?> selector
                      ? Optional.of(Target.of(selector))
                      : Optional.empty();
              if (entry.get("path") instanceof String path) {
                patches.add(Patch.file(directory.resolve(path).normalize(), target, all));
              } else if (entry.get("patch") instanceof String inline) {
                patches.add(Patch.inline(file, document, at.key("patch"), inline, target));
              }
            }
          }
        }
      }
      List<ImageEntry> images = new ArrayList<>();
      if (root.get("images") instanceof List<?> entries) {
        for (int index = 0; index < entries.size(); index++) {
          if (entries.get(index) instanceof Map<?, ?> entry
              && entry.get("name") instanceof String name) {
            FieldPath at = FieldPath.root().key("images").index(index);
            String setting =
                entry.containsKey("digest")
                    ? "digest"
                    : entry.containsKey("newTag")
                        ? "newTag"
                        : entry.containsKey("newName") ? "newName" : null;
            if (setting != null) {
              String repository = entry.get("newName") instanceof String renamed ? renamed : name;
              int line = document.nearestPositionOf(at.key(setting)).line();
              images.add(new ImageEntry(file, line, repository));
            }
          }
        }
      }
      List<Replacement> replacements = new ArrayList<>();
      if (root.get("replacements") instanceof List<?> entries) {
        for (int index = 0; index < entries.size(); index++) {
          if (entries.get(index) instanceof Map<?, ?> entry
              && entry.get("targets") instanceof List<?> targets) {
            for (int target = 0; target < targets.size(); target++) {
              if (targets.get(target) instanceof Map<?, ?> each
                  && each.get("select") instanceof Map<?, ?> select
                  && each.get("fieldPaths") instanceof List<?> fieldPaths) {
                for (int field = 0; field < fieldPaths.size(); field++) {
                  if (fieldPaths.get(field) instanceof String fieldPath) {
                    FieldPath at =
                        FieldPath.root()
                            .key("replacements")
                            .index(index)
                            .key("targets")
                            .index(target)
                            .key("fieldPaths")
                            .index(field);
                    replacements.add(
                        new Replacement(
                            file,
                            document.nearestPositionOf(at).line(),
                            Target.of(select),
                            fieldPath));
                  }
                }
              }
            }
          }
        }
      }
      return new Node(file, resources, components, patches, images, replacements);
    }

    private static List<String> texts(Object value) {
      List<String> texts = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String text) {
            texts.add(text);
          }
        }
      }
      return texts;
    }
  }

  /** An {@code images:} entry that sets a tag or digest for the images of one repository. */
  /**
   * One field path of one target of a {@code replacements:} entry: the objects it selects and the
   * field it writes ({@code metadata.annotations.[iam.gke.io/gcp-service-account]}, {@code
   * spec.template.spec.containers.[name=app].image}, {@code endpoints.0.addresses.0}).
   */
  private record Replacement(Path file, int line, Target select, String fieldPath) {

    boolean writes(LoadedObject rendered, FieldPath field) {
      if (!select.matches(rendered)) {
        return false;
      }
      List<String> steps = steps(fieldPath);
      List<PathSegment> segments = field.segments();
      if (steps.size() != segments.size()) {
        return false;
      }
      Object node = rendered.object().raw();
      for (int index = 0; index < steps.size(); index++) {
        String step = steps.get(index);
        PathSegment segment = segments.get(index);
        if (segment instanceof PathSegment.Key key) {
          String name =
              step.startsWith("[") && step.endsWith("]")
                  ? step.substring(1, step.length() - 1)
                  : step;
          if (!name.equals(key.name())) {
            return false;
          }
          node = node instanceof Map<?, ?> map ? map.get(key.name()) : null;
        } else if (segment instanceof PathSegment.Index position) {
          Object item =
              node instanceof List<?> list && position.index() < list.size()
                  ? list.get(position.index())
                  : null;
          int equals = step.indexOf('=');
          boolean same =
              step.startsWith("[") && equals > 0
                  ? item instanceof Map<?, ?> fields
                      && step.substring(equals + 1, step.length() - 1)
                          .equals(String.valueOf(fields.get(step.substring(1, equals))))
                  : step.equals(String.valueOf(position.index()));
          if (!same) {
            return false;
          }
          node = item;
        }
      }
      return true;
    }

    /** The steps of a kustomize field path: dots separate them, except inside brackets. */
    private static List<String> steps(String fieldPath) {
      List<String> steps = new ArrayList<>();
      StringBuilder step = new StringBuilder();
      int depth = 0;
      for (char c : fieldPath.toCharArray()) {
        if (c == '.' && depth == 0) {
          steps.add(step.toString());
          step.setLength(0);
          continue;
        }
        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        step.append(c);
      }
      steps.add(step.toString());
      return steps;
    }
  }

  private record ImageEntry(Path file, int line, String repository) {

    boolean sets(String renderedRepository) {
      return repository.equals(renderedRepository);
    }
  }

  /**
   * A {@code target:} selector: kind, name (a regular expression), namespace, group and a label
   * selector of {@code key=value} terms.
   */
  private record Target(
      Optional<String> kind,
      Optional<String> name,
      Optional<String> namespace,
      Optional<String> group,
      Map<String, String> labels) {

    static Target of(Map<?, ?> selector) {
      Map<String, String> labels = new HashMap<>();
      if (selector.get("labelSelector") instanceof String terms) {
        for (String term : terms.split(",")) {
          int equals = term.indexOf('=');
          if (equals > 0) {
            labels.put(
                term.substring(0, equals).strip(),
                term.substring(equals + 1).replace("=", "").strip());
          }
        }
      }
      return new Target(
          text(selector.get("kind")),
          text(selector.get("name")),
          text(selector.get("namespace")),
          text(selector.get("group")),
          labels);
    }

    boolean matches(LoadedObject object) {
      if (kind.isPresent() && !kind.get().equals(object.kind())) {
        return false;
      }
      if (name.isPresent() && !nameMatches(name.get(), object.name())) {
        return false;
      }
      if (namespace.isPresent()
          && !nameMatches(namespace.get(), object.namespace().orElse("default"))) {
        return false;
      }
      if (group.isPresent()) {
        String apiVersion = object.object().apiVersion();
        String objectGroup =
            apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!group.get().equals(objectGroup)) {
          return false;
        }
      }
      return object.object().labels().entrySet().containsAll(labels.entrySet());
    }

    private static boolean nameMatches(String pattern, String value) {
      try {
        return Pattern.matches(pattern, value);
      } catch (PatternSyntaxException e) {
        return pattern.equals(value);
      }
    }

    private static Optional<String> text(Object value) {
      return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
  }

  /**
   * One patch: its documents (strategic-merge objects, or one JSON 6902 operation list), the file
   * they are written in and the line their text starts on in that file.
   */
  private record Patch(
      Path file, Optional<Target> target, List<ManifestDocument> documents, int lineOffset) {

    static Patch file(Path file, Optional<Target> target, Map<Path, List<ManifestDocument>> all) {
      return new Patch(file, target, all.getOrDefault(file, List.of()), 0);
    }

    static Patch of(
        Path directory,
        Path kustomization,
        ManifestDocument document,
        FieldPath at,
        String entry,
        Optional<Target> target,
        Map<Path, List<ManifestDocument>> all) {
      // A patchesStrategicMerge entry is a file name or, rarely, the patch itself.
      return entry.contains("\n") || entry.contains(":")
          ? inline(kustomization, document, at, entry, target)
          : file(directory.resolve(entry).normalize(), target, all);
    }

    static Patch inline(
        Path kustomization,
        ManifestDocument document,
        FieldPath at,
        String text,
        Optional<Target> target) {
      int keyLine = document.nearestPositionOf(at).line();
      List<ManifestDocument> documents;
      try {
        documents =
            new ManifestLoader().fromText(text, Origin.rendered("inline patch")).documents();
      } catch (ManifestParseException e) {
        documents = List.of();
      }
      // A block scalar starts on the line after its key; a one-line patch is all on the key's line.
      return text.strip().contains("\n")
          ? new Patch(kustomization, target, documents, keyLine)
          : new Patch(kustomization, target, documents, -keyLine);
    }

    private int line(int inner) {
      return lineOffset < 0 ? -lineOffset : lineOffset + inner;
    }

    boolean targets(LoadedObject object) {
      if (target.isPresent()) {
        return target.get().matches(object);
      }
      for (ManifestDocument document : documents) {
        if (document.root() instanceof Map<?, ?> patch && writesObject(patch, object)) {
          return true;
        }
      }
      return false;
    }

    private static boolean writesObject(Map<?, ?> patch, LoadedObject object) {
      if (!object.kind().equals(patch.get("kind"))) {
        return false;
      }
      Map<?, ?> metadata = patch.get("metadata") instanceof Map<?, ?> written ? written : Map.of();
      return object.name().equals(metadata.get("name"))
          && (!(metadata.get("namespace") instanceof String namespace)
              || object.namespace().orElse("default").equals(namespace));
    }

    /**
     * The fields by which a strategic-merge patch names the object it patches: writing them the
     * same as the object changes nothing.
     */
    private static final Set<FieldPath> IDENTITY =
        Set.of(
            FieldPath.parse("apiVersion"),
            FieldPath.parse("kind"),
            FieldPath.parse("metadata.name"),
            FieldPath.parse("metadata.namespace"));

    /** The line of this patch's {@code $patch: delete} of {@code written}, if it has one. */
    Optional<Integer> lineDeleting(LoadedObject written) {
      for (ManifestDocument document : documents) {
        if (document.root() instanceof Map<?, ?> patch
            && "delete".equals(patch.get("$patch"))
            && (target.isPresent()
                ? target.get().matches(written)
                : writesObject(patch, written))) {
          return Optional.of(
              line(document.nearestPositionOf(FieldPath.root().key("$patch")).line()));
        }
      }
      return Optional.empty();
    }

    /** The line of this patch that writes {@code field} of {@code rendered}, if it does. */
    Optional<Integer> lineWriting(LoadedObject rendered, FieldPath field) {
      for (ManifestDocument document : documents) {
        if (document.root() instanceof List<?> operations) {
          Optional<Integer> line = operationWriting(document, operations, rendered, field);
          if (line.isPresent()) {
            return line;
          }
        } else if (document.root() instanceof Map<?, ?> patch
            && (target.isPresent() || writesObject(patch, rendered))
            && !IDENTITY.contains(field)) {
          FieldPath translated = translate(field, rendered.object().raw(), patch);
          Optional<Integer> line =
              document.positionOf(translated).map(position -> line(position.line()));
          if (line.isPresent()) {
            return line;
          }
        }
      }
      return Optional.empty();
    }

    /**
     * The JSON 6902 operation that writes {@code field} or one of its ancestors: the line of the
     * field inside the operation's value when it is there, else of the operation.
     */
    private Optional<Integer> operationWriting(
        ManifestDocument document, List<?> operations, LoadedObject rendered, FieldPath field) {
      for (int index = operations.size() - 1; index >= 0; index--) {
        if (!(operations.get(index) instanceof Map<?, ?> operation)
            || !(operation.get("path") instanceof String pointer)
            || "test".equals(operation.get("op"))) {
          continue;
        }
        FieldPath written = fromPointer(pointer, rendered.object().raw());
        List<PathSegment> prefix = written.segments();
        List<PathSegment> segments = field.segments();
        FieldPath at = FieldPath.root().index(index);
        if ("remove".equals(operation.get("op"))
            && prefix.size() > segments.size()
            && prefix.subList(0, segments.size()).equals(segments)) {
          // What is gone from under the field is that field's change.
          return Optional.of(
              line(document.positionOf(at.key("path")).orElse(document.start()).line()));
        }
        if (prefix.size() > segments.size() || !segments.subList(0, prefix.size()).equals(prefix)) {
          continue;
        }
        FieldPath value = at.key("value");
        for (PathSegment segment : segments.subList(prefix.size(), segments.size())) {
          value =
              segment instanceof PathSegment.Key key
                  ? value.key(key.name())
                  : value.index(((PathSegment.Index) segment).index());
        }
        int line =
            document
                .positionOf(value)
                .or(() -> document.positionOf(at.key("value")))
                .or(() -> document.positionOf(at.key("path")))
                .orElse(document.start())
                .line();
        return Optional.of(line(line));
      }
      return Optional.empty();
    }

    /**
     * A JSON pointer as a field path of {@code root}: a number under a list is an index, {@code -}
     * the list's last item (where an add appends).
     */
    private static FieldPath fromPointer(String pointer, Object root) {
      FieldPath path = FieldPath.root();
      Object node = root;
      for (String raw : pointer.split("/")) {
        if (raw.isEmpty()) {
          continue;
        }
        String token = raw.replace("~1", "/").replace("~0", "~");
        if (node instanceof List<?> list) {
          int index;
          if (token.equals("-")) {
            index = Math.max(0, list.size() - 1);
          } else {
            try {
              index = Integer.parseInt(token);
            } catch (NumberFormatException e) {
              return path.key(token);
            }
          }
          path = path.index(index);
          node = index < list.size() ? list.get(index) : null;
        } else {
          path = path.key(token);
          node = node instanceof Map<?, ?> map ? map.get(token) : null;
        }
      }
      return path;
    }
  }
}
