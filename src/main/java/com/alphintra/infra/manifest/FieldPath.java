package com.alphintra.infra.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * The path of a field inside a YAML document, written the way Kubernetes error messages write it:
 * {@code spec.template.spec.containers[0].securityContext}. A key that holds a dot or a bracket is
 * quoted in brackets: {@code metadata.labels["app.kubernetes.io/name"]}.
 *
 * @param segments the keys and indexes from the document root down
 */
public record FieldPath(List<PathSegment> segments) {

  private static final FieldPath ROOT = new FieldPath(List.of());

  public FieldPath {
    segments = List.copyOf(segments);
  }

  /** The path of the document root itself. */
  public static FieldPath root() {
    return ROOT;
  }

  /**
   * Reads a path such as {@code spec.ports[0].name} or {@code
   * metadata.labels["app.kubernetes.io/name"]}.
   *
   * @throws IllegalArgumentException when the text is not a path
   */
  public static FieldPath parse(String text) {
    List<PathSegment> segments = new ArrayList<>();
    int i = 0;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c == '[') {
        i = parseBracket(text, i, segments);
      } else {
        if (c == '.') {
          if (segments.isEmpty() || i + 1 >= length) {
            throw invalid(text, i);
          }
          i++;
          if (text.charAt(i) == '[' || text.charAt(i) == '.') {
            throw invalid(text, i);
          }
        } else if (!segments.isEmpty()) {
          throw invalid(text, i);
        }
        int end = i;
        while (end < length && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        segments.add(new PathSegment.Key(text.substring(i, end)));
        i = end;
      }
    }
    return new FieldPath(segments);
  }

  private static int parseBracket(String text, int open, List<PathSegment> segments) {
    int i = open + 1;
    if (i < text.length() && text.charAt(i) == '"') {
      StringBuilder key = new StringBuilder();
      i++;
      while (i < text.length() && text.charAt(i) != '"') {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        key.append(text.charAt(i));
        i++;
      }
      if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
        throw invalid(text, open);
      }
      segments.add(new PathSegment.Key(key.toString()));
      return i + 2;
    }
    int close = text.indexOf(']', i);
    if (close < 0) {
      throw invalid(text, open);
    }
    try {
      segments.add(new PathSegment.Index(Integer.parseInt(text.substring(i, close))));
    } catch (IllegalArgumentException e) {
      throw invalid(text, open);
    }
    return close + 1;
  }

  private static IllegalArgumentException invalid(String text, int at) {
    return new IllegalArgumentException(
        "not a field path: \"" + text + "\" (at character " + (at + 1) + ")");
  }

  /** This path followed by the mapping key {@code key}. */
  public FieldPath key(String key) {
    return with(new PathSegment.Key(key));
  }

  /** This path followed by the sequence index {@code index}. */
  public FieldPath index(int index) {
    return with(new PathSegment.Index(index));
  }

  private FieldPath with(PathSegment segment) {
    List<PathSegment> longer = new ArrayList<>(segments.size() + 1);
    longer.addAll(segments);
    longer.add(segment);
    return new FieldPath(longer);
  }

  /** Whether this is the path of the document root. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The path without its last segment; the root is its own parent. */
  public FieldPath parent() {
    return isRoot() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (PathSegment segment : segments) {
      if (segment instanceof PathSegment.Index index) {
        text.append('[').append(index.index()).append(']');
      } else {
        String name = ((PathSegment.Key) segment).name();
        if (name.isEmpty()
            || name.chars().anyMatch(c -> c == '.' || c == '[' || c == ']' || c == '"')) {
          text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        } else {
          if (!text.isEmpty()) {
            text.append('.');
          }
          text.append(name);
        }
      }
    }
    return text.toString();
  }
}
