package com.alphintra.infra.platform;

/**
 * A comment in an HCL or YAML file, kept for suppressions ({@code # alphintra:ignore RULE
 * reason="..."}).
 *
 * @param line the line of the comment, from 1
 * @param text the comment without its marker ({@code #}, {@code //} or {@code /*})
 * @param ownLine whether the comment stands on a line of its own (it is then about the next line),
 *     rather than following content on its line (it is then about that line)
 */
public record SourceComment(int line, String text, boolean ownLine) {}
