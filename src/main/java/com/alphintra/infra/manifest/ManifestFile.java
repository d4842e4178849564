package com.alphintra.infra.manifest;

import java.util.List;
import java.util.Objects;

/**
 * One YAML text read as Kubernetes manifests.
 *
 * @param text the documents and comments
 * @param objects the documents that are Kubernetes objects (a mapping with {@code apiVersion} and
 *     {@code kind})
 * @param problems every problem: those of the objects, then documents that are not Kubernetes
 *     objects
 */
public record ManifestFile(
    YamlText text, List<KubeObject> objects, List<ManifestProblem> problems) {

  public ManifestFile {
    Objects.requireNonNull(text, "text");
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }

  public Origin origin() {
    return text.origin();
  }

  public List<ManifestDocument> documents() {
    return text.documents();
  }

  public List<YamlComment> comments() {
    return text.comments();
  }

  /** See {@link YamlText#commentsFor(int)}. */
  public List<YamlComment> commentsFor(int line) {
    return text.commentsFor(line);
  }

  /** Whether any problem makes the file invalid. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(ManifestProblem::isError);
  }
}
