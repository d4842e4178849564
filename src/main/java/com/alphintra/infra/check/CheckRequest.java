package com.alphintra.infra.check;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code alphintra check} invocation.
 *
 * @param target the folder to check ({@code infra/} or a folder inside it)
 * @param options which rules, which threshold
 * @param baseline a baseline file of accepted findings
 * @param writeBaseline where to write the current findings as a new baseline
 * @param providerSchema the output of {@code terraform providers schema -json} to validate
 *     resources against
 * @param charts the folder of chart archives the Helm releases render from; empty: Helm releases
 *     are not rendered
 */
public record CheckRequest(
    Path target,
    CheckOptions options,
    Optional<Path> baseline,
    Optional<Path> writeBaseline,
    Optional<Path> providerSchema,
    Optional<Path> charts) {

  /** A request that renders no Helm release. */
  public CheckRequest(
      Path target,
      CheckOptions options,
      Optional<Path> baseline,
      Optional<Path> writeBaseline,
      Optional<Path> providerSchema) {
    this(target, options, baseline, writeBaseline, providerSchema, Optional.empty());
  }

  /**
   * A request without a provider schema file (schemas are then read from initialised directories).
   */
  public CheckRequest(
      Path target, CheckOptions options, Optional<Path> baseline, Optional<Path> writeBaseline) {
    this(target, options, baseline, writeBaseline, Optional.empty(), Optional.empty());
  }
}
