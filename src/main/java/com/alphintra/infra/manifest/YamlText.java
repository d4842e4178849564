package com.alphintra.infra.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One YAML text as read: its non-empty documents and all of its comments.
 *
 * @param origin where the text came from
 * @param documents every non-empty document, in order
 * @param comments every comment, in order, with its position
 */
public record YamlText(
    Origin origin, List<ManifestDocument> documents, List<YamlComment> comments) {

  public YamlText {
    Objects.requireNonNull(origin, "origin");
    documents = List.copyOf(documents);
    comments = List.copyOf(comments);
  }

  /**
   * The comments that speak about {@code line}: the block of comment lines directly above it
   * (nearest last), then a comment at the end of that line. That is where a suppression such as
   * {@code # alphintra:ignore RULE-ID reason="..."} is written.
   */
  public List<YamlComment> commentsFor(int line) {
    List<YamlComment> above = new ArrayList<>();
    YamlComment inline = null;
    int expected = line - 1;
    for (int i = comments.size() - 1; i >= 0; i--) {
      YamlComment comment = comments.get(i);
      if (comment.line() == line && comment.inline()) {
        inline = comment;
      } else if (comment.line() == expected && !comment.inline()) {
        above.add(0, comment);
        expected--;
      } else if (comment.line() < expected) {
        break;
      }
    }
    if (inline != null) {
      above.add(inline);
    }
    return List.copyOf(above);
  }
}
