package com.alphintra.infra.platform;

import java.nio.file.Path;

/**
 * Where a person edits a field: a file relative to the repository root and a line (0: the file as a
 * whole).
 *
 * @param file the file
 * @param line the line, from 1; 0 when no line is known
 */
public record SourceLocation(Path file, int line) {}
