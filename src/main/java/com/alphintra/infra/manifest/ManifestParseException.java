package com.alphintra.infra.manifest;

import java.util.Optional;

/**
 * YAML text that cannot be read: malformed syntax, a duplicate key, an undefined or recursive
 * alias, or a file that cannot be read at all. The message starts with {@code file:line:col} so a
 * person can jump there.
 */
public final class ManifestParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Origin origin;
  private final transient Optional<Position> position;
  private final String reason;

  public ManifestParseException(Origin origin, Optional<Position> position, String reason) {
    super(
        position.map(p -> origin.label() + ":" + p + ": ").orElse(origin.label() + ": ") + reason);
    this.origin = origin;
    this.position = position;
    this.reason = reason;
  }

  /** Where the text came from. */
  public Origin origin() {
    return origin;
  }

  /** Where in the text reading failed; absent when the text could not be read at all. */
  public Optional<Position> position() {
    return position;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
