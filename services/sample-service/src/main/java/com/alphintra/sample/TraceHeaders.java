package com.alphintra.sample;

import com.sun.net.httpserver.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The headers a service must copy from its incoming request onto every downstream call so that
 * Istio's sidecars join the spans into one trace (Envoy makes the spans, the application only
 * carries the context): W3C trace context, Zipkin B3 (multi- and single-header) and Envoy's
 * x-request-id.
 *
 * @param values the propagated headers that were present, lower-case names in {@link #NAMES} order
 */
public record TraceHeaders(Map<String, String> values) {

  /**
   * Istio's list of headers to propagate (istio.io, "Distributed Tracing" FAQ), plus W3C
   * tracestate.
   */
  public static final List<String> NAMES =
      List.of(
          "x-request-id",
          "traceparent",
          "tracestate",
          "x-b3-traceid",
          "x-b3-spanid",
          "x-b3-parentspanid",
          "x-b3-sampled",
          "x-b3-flags",
          "b3",
          "x-ot-span-context");

  public TraceHeaders {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The propagated headers of an incoming request; an x-request-id is made up when none came in.
   */
  public static TraceHeaders from(Headers incoming) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = incoming.getFirst(name);
      if (value != null && !value.isBlank()) {
        found.put(name, value);
      }
    }
    found.putIfAbsent("x-request-id", UUID.randomUUID().toString());
    return new TraceHeaders(found);
  }

  public String requestId() {
    return values.get("x-request-id");
  }

  /** The trace id for log lines: from traceparent, else from B3, when either came in. */
  public Optional<String> traceId() {
    String traceparent = values.get("traceparent");
    if (traceparent != null) {
      String[] parts = traceparent.split("-");
      if (parts.length >= 2) {
        return Optional.of(parts[1]);
      }
    }
    return Optional.ofNullable(values.get("x-b3-traceid"));
  }
}
