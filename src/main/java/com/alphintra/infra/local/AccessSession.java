package com.alphintra.infra.local;

import java.util.ArrayList;
import java.util.List;

/** The port-forwards {@code access} opened; closing the session closes every one of them. */
public final class AccessSession implements AutoCloseable {

  private final List<OpenForward> forwards;
  private final List<AutoCloseable> handles;

  AccessSession(List<OpenForward> forwards, List<AutoCloseable> handles) {
    this.forwards = List.copyOf(forwards);
    this.handles = new ArrayList<>(handles);
  }

  public List<OpenForward> forwards() {
    return forwards;
  }

  @Override
  public void close() {
    for (AutoCloseable handle : handles) {
      try {
        handle.close();
      } catch (Exception e) {
        // Closing is best effort: a forward whose socket is gone is closed, and the others must
        // still close.
      }
    }
    handles.clear();
  }
}
