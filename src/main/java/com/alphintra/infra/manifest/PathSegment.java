package com.alphintra.infra.manifest;

import java.util.Objects;

/** One step of a {@link FieldPath}: a mapping key or a sequence index. */
public sealed interface PathSegment {

  /** A mapping key, such as {@code spec}. */
  record Key(String name) implements PathSegment {
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A sequence index, from 0. */
  record Index(int index) implements PathSegment {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("a sequence index is never negative, got " + index);
      }
    }
  }
}
