package com.alphintra.infra.local;

import java.util.OptionalInt;

/**
 * A port-forward that is open: the add-on, the URL on 127.0.0.1, and the port first tried when it
 * was busy.
 */
public record OpenForward(Addon addon, int localPort, OptionalInt busyPreferredPort) {

  public String url() {
    return "http://127.0.0.1:" + localPort + addon.path();
  }
}
