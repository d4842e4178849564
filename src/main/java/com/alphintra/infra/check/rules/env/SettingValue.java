package com.alphintra.infra.check.rules.env;

import java.nio.file.Path;

/**
 * A setting's value in one environment.
 *
 * @param shown the value as the table prints it ({@code REGIONAL}, {@code true (default)})
 * @param strength how strict the value is; higher is stricter
 * @param file where the value is written, relative to the repository root
 * @param line the line of the value (for a rendered overlay, the patch or base line that writes it)
 */
public record SettingValue(String shown, long strength, Path file, int line) {}
