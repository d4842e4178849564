package com.alphintra.infra.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document of a YAML stream, as a generic tree of {@code Map<String, Object>} (in source
 * order), {@code List<Object>} and scalars ({@code String}, {@code Boolean}, {@code Integer}/{@code
 * Long}/ {@code BigInteger}, {@code Double}, or {@code null}), together with the position of every
 * field.
 *
 * <p>The tree is unmodifiable. Positions are kept as one packed {@code long} per node in the order
 * of a depth-first walk of the tree instead of a parallel tree of objects: tens of thousands of
 * documents stay small in memory, and a lookup (rare: only when a finding is reported) walks the
 * tree to count nodes.
 */
public final class ManifestDocument {

  private final Origin origin;
  private final int index;
  private final Object root;
  private final long[] positions;

  ManifestDocument(Origin origin, int index, Object root, long[] positions) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.index = index;
    this.root = root;
    this.positions = positions;
  }

  /** Where the text of this document came from. */
  public Origin origin() {
    return origin;
  }

  /** The place of this document in its stream, from 0, counting empty documents too. */
  public int index() {
    return index;
  }

  /** Where the document's content starts (its first key, for a mapping). */
  public Position start() {
    return unpack(positions[0]);
  }

  /** The document's content: a map, a list or a scalar. */
  public Object root() {
    return root;
  }

  /** The content as a mapping, when it is one. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> rootMap() {
    return root instanceof Map<?, ?> map
        ? Optional.of((Map<String, Object>) map)
        : Optional.empty();
  }

  /**
   * The value at {@code path}; empty when the path does not exist (a present {@code null} is empty
   * too).
   */
  public Optional<Object> valueAt(FieldPath path) {
    Object node = root;
    for (PathSegment segment : path.segments()) {
      node = child(node, segment);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(node);
  }

  /**
   * Where the field at {@code path} is: the line and column of its key for a mapping entry, of the
   * item for a sequence entry. Empty when the path does not exist.
   */
  public Optional<Position> positionOf(FieldPath path) {
    int slot = slotOf(path, path.segments().size());
    return slot < 0 ? Optional.empty() : Optional.of(unpack(positions[slot]));
  }

  /**
   * Shorthand for {@link #positionOf(FieldPath)} with a path such as {@code spec.ports[0].name}.
   */
  public Optional<Position> positionOf(String path) {
    return positionOf(FieldPath.parse(path));
  }

  /**
   * The tightest position there is for {@code path}: the field itself when present, else its
   * nearest present ancestor, so a finding about a missing field points at the object that should
   * hold it.
   */
  public Position nearestPositionOf(FieldPath path) {
    for (int depth = path.segments().size(); depth > 0; depth--) {
      int slot = slotOf(path, depth);
      if (slot >= 0) {
        return unpack(positions[slot]);
      }
    }
    return start();
  }

  private int slotOf(FieldPath path, int depth) {
    List<PathSegment> segments = path.segments();
    Object node = root;
    int slot = 0;
    for (int i = 0; i < depth; i++) {
      PathSegment segment = segments.get(i);
      int childSlot = slot + 1;
      Object found = null;
      boolean present = false;
      if (node instanceof Map<?, ?> map && segment instanceof PathSegment.Key key) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (entry.getKey().equals(key.name())) {
            found = entry.getValue();
            present = true;
            break;
          }
          childSlot += nodeCount(entry.getValue());
        }
      } else if (node instanceof List<?> list
          && segment instanceof PathSegment.Index index
          && index.index() < list.size()) {
        for (int item = 0; item < index.index(); item++) {
          childSlot += nodeCount(list.get(item));
        }
        found = list.get(index.index());
        present = true;
      }
      if (!present) {
        return -1;
      }
      node = found;
      slot = childSlot;
    }
    return slot;
  }

  /**
   * How many position slots a node and everything below it take: one each, in the reader's order.
   */
  private static int nodeCount(Object node) {
    int count = 1;
    if (node instanceof Map<?, ?> map) {
      for (Object value : map.values()) {
        count += nodeCount(value);
      }
    } else if (node instanceof List<?> list) {
      for (Object item : list) {
        count += nodeCount(item);
      }
    }
    return count;
  }

  private static Object child(Object node, PathSegment segment) {
    if (node instanceof Map<?, ?> map && segment instanceof PathSegment.Key key) {
      return map.get(key.name());
    }
    if (node instanceof List<?> list
        && segment instanceof PathSegment.Index index
        && index.index() < list.size()) {
      return list.get(index.index());
    }
    return null;
  }

  static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  private static Position unpack(long packed) {
    return new Position((int) (packed >>> 32), (int) packed);
  }

  @Override
  public String toString() {
    return origin.label() + ":" + start() + " (document " + index + ")";
  }
}
