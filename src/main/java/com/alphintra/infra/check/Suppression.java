package com.alphintra.infra.check;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@code alphintra:ignore RULE-ID reason="..."} comment: a person accepted one finding and said
 * why.
 *
 * @param file the file of the comment, relative to the repository root
 * @param commentLine the line of the comment
 * @param coveredLine the line whose findings it suppresses: its own for a trailing comment, else
 *     the next line that is not a comment
 * @param rule the rule id it names
 * @param reason why the finding is accepted; a suppression without one does not count
 */
public record Suppression(
    Path file, int commentLine, int coveredLine, String rule, Optional<String> reason) {}
