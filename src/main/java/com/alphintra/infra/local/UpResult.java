package com.alphintra.infra.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The plan, the steps chosen to run, and (unless it was a dry run) what the run did; the local CA a
 * person may want to trust.
 */
public record UpResult(
    Plan plan, Set<String> selected, Optional<RunReport> report, Path caCertificate) {

  public UpResult {
    selected = Set.copyOf(selected);
  }
}
