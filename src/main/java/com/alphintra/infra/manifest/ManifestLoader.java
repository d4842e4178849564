package com.alphintra.infra.manifest;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML texts into positioned documents and typed Kubernetes, Istio and Prometheus-operator
 * objects.
 *
 * <p>This package starts no processes: to check a kustomize overlay, a caller renders it elsewhere
 * and passes the text here with an {@link Origin#rendered(String) origin} such as {@code overlay
 * local}.
 *
 * <p>Build one loader and reuse it: its YAML settings and JSON mappers are made once. It holds no
 * mutable state and can be shared between threads.
 */
public final class ManifestLoader {

  private final YamlReader yaml = new YamlReader();
  private final TypedModelConverter converter = new TypedModelConverter();

  /**
   * Reads every document of {@code yaml} (empty documents are skipped) and types each Kubernetes
   * object.
   *
   * @throws ManifestParseException when the text is not well-formed YAML; problems with the objects
   *     themselves (unknown fields, wrong types) are in the result instead
   */
  public ManifestFile fromText(String yaml, Origin origin) throws ManifestParseException {
    return manifests(this.yaml.read(yaml, origin));
  }

  /**
   * Reads every document of {@code yaml} as {@link #fromText} does, without typing the objects: for
   * text whose objects were typed already in their own files (a rendered overlay), where the tree
   * and positions are all that is needed and a typed model per object would double the memory.
   *
   * @throws ManifestParseException when the text is not well-formed YAML
   */
  public ManifestFile fromTextUntyped(String yaml, Origin origin) throws ManifestParseException {
    YamlText stream = this.yaml.read(yaml, origin);
    List<KubeObject> objects = new ArrayList<>(stream.documents().size());
    List<ManifestProblem> problems = new ArrayList<>();
    for (ManifestDocument document : stream.documents()) {
      Optional<ManifestProblem> notAnObject = notAnObject(document);
      if (notAnObject.isPresent()) {
        problems.add(notAnObject.get());
      } else {
        objects.add(new KubeObject(document, Optional.empty(), List.of()));
      }
    }
    return new ManifestFile(stream, objects, problems);
  }

  /**
   * Reads the file at {@code file} as {@link #fromText} does.
   *
   * @throws ManifestParseException when the file is not well-formed YAML or not UTF-8
   * @throws IOException when the file cannot be read
   */
  public ManifestFile fromFile(Path file) throws ManifestParseException, IOException {
    return manifests(yaml.read(file));
  }

  private ManifestFile manifests(YamlText stream) {
    List<KubeObject> objects = new ArrayList<>(stream.documents().size());
    List<ManifestProblem> problems = new ArrayList<>();
    List<ManifestProblem> notObjects = new ArrayList<>();
    for (ManifestDocument document : stream.documents()) {
      Optional<ManifestProblem> notAnObject = notAnObject(document);
      if (notAnObject.isPresent()) {
        notObjects.add(notAnObject.get());
        continue;
      }
      KubeObject object = converter.convert(document);
      objects.add(object);
      problems.addAll(object.problems());
    }
    problems.addAll(notObjects);
    return new ManifestFile(stream, objects, problems);
  }

  /**
   * Reads every file in {@code files}; a malformed or unreadable file becomes an error in the
   * result, and the other files are still read.
   */
  public LoadResult load(Collection<Path> files) {
    List<ManifestFile> read = new ArrayList<>(files.size());
    List<ManifestParseException> errors = new ArrayList<>();
    for (Path file : files) {
      try {
        read.add(fromFile(file));
      } catch (ManifestParseException e) {
        errors.add(e);
      } catch (IOException e) {
        errors.add(
            new ManifestParseException(
                Origin.of(file), Optional.empty(), "cannot read the file: " + e.getMessage()));
      }
    }
    return new LoadResult(read, errors);
  }

  /**
   * The fabric8 class that objects of {@code apiVersion} and {@code kind} are read into, such as
   * {@code io.fabric8.istio.api.networking.v1.VirtualService} for {@code networking.istio.io/v1}
   * {@code VirtualService}; empty for a kind without a model.
   */
  public Optional<Class<? extends KubernetesResource>> modelClass(String apiVersion, String kind) {
    return converter.registeredClass(apiVersion, kind);
  }

  private static Optional<ManifestProblem> notAnObject(ManifestDocument document) {
    if (!(document.root() instanceof Map<?, ?> map)) {
      return Optional.of(
          ManifestProblem.at(
              document,
              FieldPath.root(),
              ProblemKind.NOT_A_RESOURCE,
              "document " + document.index() + " is not a mapping, so not a Kubernetes object"));
    }
    for (String field : List.of("apiVersion", "kind")) {
      if (!(map.get(field) instanceof String text) || text.isBlank()) {
        return Optional.of(
            ManifestProblem.at(
                document,
                FieldPath.root().key(field),
                map.containsKey(field) ? ProblemKind.WRONG_TYPE : ProblemKind.MISSING_FIELD,
                "document "
                    + document.index()
                    + " has no "
                    + field
                    + " (text), so it is not a Kubernetes object"));
      }
    }
    return Optional.empty();
  }
}
