package com.alphintra.infra.hcl;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed configuration file: its body and its comments (with ranges), so that suppression
 * comments such as {@code # alphintra:ignore RULE reason="..."} can be found on or above a line.
 */
public record HclFile(Path path, Body body, List<Token> comments) {

  public HclFile {
    comments = List.copyOf(comments);
  }

  /** Comments that start on the given line (1-based). */
  public List<Token> commentsOnLine(int line) {
    return comments.stream().filter(c -> c.range().start().line() == line).toList();
  }
}
