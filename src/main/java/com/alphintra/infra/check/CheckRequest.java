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
 */
public record CheckRequest(Path target, CheckOptions options, Optional<Path> baseline, Optional<Path> writeBaseline) {
}
