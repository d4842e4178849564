package com.alphintra.infra.manifest;

import java.util.List;

/**
 * What reading many files gave: every file that could be read, and an error for each that could
 * not, so one malformed file does not hide the findings of the others.
 *
 * @param files the files read, in the order asked for
 * @param errors one per file that is malformed or unreadable
 */
public record LoadResult(List<ManifestFile> files, List<ManifestParseException> errors) {

  public LoadResult {
    files = List.copyOf(files);
    errors = List.copyOf(errors);
  }

  /** Every object of every file read. */
  public List<KubeObject> objects() {
    return files.stream().flatMap(file -> file.objects().stream()).toList();
  }

  /** Every problem of every file read. */
  public List<ManifestProblem> problems() {
    return files.stream().flatMap(file -> file.problems().stream()).toList();
  }

  /** Whether a file could not be read or has a problem that makes it invalid. */
  public boolean hasErrors() {
    return !errors.isEmpty() || files.stream().anyMatch(ManifestFile::hasErrors);
  }
}
