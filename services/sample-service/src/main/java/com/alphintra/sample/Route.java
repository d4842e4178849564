package com.alphintra.sample;

/**
 * The routes the service answers; the label is what metrics and logs show, so cardinality stays
 * fixed.
 */
enum Route {
  HEALTHZ("/healthz"),
  READYZ("/readyz"),
  METRICS("/metrics"),
  DEBUG_CALL("/debug/call"),
  /** Every other path: the service's "work", which fans out to its downstream services. */
  WORK("/");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static Route of(String path) {
    for (Route route : values()) {
      if (route != WORK && route.label.equals(path)) {
        return route;
      }
    }
    return WORK;
  }
}
