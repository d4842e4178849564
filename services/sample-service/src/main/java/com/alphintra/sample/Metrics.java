package com.alphintra.sample;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The service's Prometheus metrics, rendered in the text exposition format 0.0.4 (prometheus.io,
 * "Exposition formats"): request count and latency histogram by route, method and status,
 * downstream calls by target and status, and gauges for in-flight requests and readiness.
 */
public final class Metrics {

  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Upper bounds in seconds: Prometheus' default buckets, which cover a fan-out of a few hops. */
  static final List<Double> BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

  private final String service;
  private final ConcurrentMap<RequestKey, Histogram> requests = new ConcurrentHashMap<>();
  private final ConcurrentMap<CallKey, LongAdder> calls = new ConcurrentHashMap<>();
  private final IntSupplier inFlight;
  private final IntSupplier ready;

  Metrics(String service, IntSupplier inFlight, IntSupplier ready) {
    this.service = service;
    this.inFlight = inFlight;
    this.ready = ready;
  }

  void recordRequest(String route, String method, int status, double seconds) {
    requests
        .computeIfAbsent(new RequestKey(route, method, status), key -> new Histogram())
        .observe(seconds);
  }

  void recordCall(String target, String outcome) {
    calls.computeIfAbsent(new CallKey(target, outcome), key -> new LongAdder()).increment();
  }

  /** All metrics as exposition text, series in a stable order. */
  String render() {
    StringBuilder out = new StringBuilder();
    Map<RequestKey, Histogram> sorted = new TreeMap<>(requests);

    header(
        out,
        "http_server_requests_total",
        "counter",
        "HTTP requests served, by route, method and status.");
    sorted.forEach(
        (key, histogram) ->
            line(
                out,
                "http_server_requests_total",
                key.labels(service),
                Long.toString(histogram.count())));

    header(
        out,
        "http_server_request_duration_seconds",
        "histogram",
        "Time from request received to response sent, by route, method and status.");
    sorted.forEach(
        (key, histogram) -> {
          String labels = key.labels(service);
          long[] cumulative = histogram.cumulative();
          // Buckets and count are separate counters: never let a concurrent render show +Inf below
          // a bucket.
          long total = Math.max(histogram.count(), cumulative[cumulative.length - 1]);
          for (int i = 0; i < BUCKETS.size(); i++) {
            line(
                out,
                "http_server_request_duration_seconds_bucket",
                labels + ",le=\"" + number(BUCKETS.get(i)) + "\"",
                Long.toString(cumulative[i]));
          }
          line(
              out,
              "http_server_request_duration_seconds_bucket",
              labels + ",le=\"+Inf\"",
              Long.toString(total));
          line(out, "http_server_request_duration_seconds_sum", labels, number(histogram.sum()));
          line(out, "http_server_request_duration_seconds_count", labels, Long.toString(total));
        });

    header(
        out,
        "http_client_requests_total",
        "counter",
        "Calls to downstream services, by target and outcome (HTTP status or error).");
    new TreeMap<>(calls)
        .forEach(
            (key, count) ->
                line(
                    out,
                    "http_client_requests_total",
                    "service="
                        + label(service)
                        + ",target="
                        + label(key.target())
                        + ",outcome="
                        + label(key.outcome()),
                    Long.toString(count.sum())));

    header(out, "http_server_requests_in_flight", "gauge", "Requests being served right now.");
    line(
        out,
        "http_server_requests_in_flight",
        "service=" + label(service),
        Integer.toString(inFlight.getAsInt()));
    header(
        out,
        "sample_service_ready",
        "gauge",
        "1 while the instance accepts traffic, 0 once it is shutting down.");
    line(
        out,
        "sample_service_ready",
        "service=" + label(service),
        Integer.toString(ready.getAsInt()));
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void line(StringBuilder out, String name, String labels, String value) {
    out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
  }

  /**
   * A label value, quoted, with backslash, double quote and line feed escaped as the format
   * requires.
   */
  static String label(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return Double.toString(value);
  }

  private record RequestKey(String route, String method, int status)
      implements Comparable<RequestKey> {
    String labels(String service) {
      return "service="
          + label(service)
          + ",route="
          + label(route)
          + ",method="
          + label(method)
          + ",status="
          + label(Integer.toString(status));
    }

    @Override
    public int compareTo(RequestKey other) {
      int byRoute = route.compareTo(other.route);
      if (byRoute != 0) {
        return byRoute;
      }
      int byMethod = method.compareTo(other.method);
      return byMethod != 0 ? byMethod : Integer.compare(status, other.status);
    }
  }

  private record CallKey(String target, String outcome) implements Comparable<CallKey> {
    @Override
    public int compareTo(CallKey other) {
      int byTarget = target.compareTo(other.target);
      return byTarget != 0 ? byTarget : outcome.compareTo(other.outcome);
    }
  }

  /** One series' observations: a count per bucket (not cumulative), the sum and the count. */
  private static final class Histogram {
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.size());
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.size(); i++) {
        if (seconds <= BUCKETS.get(i)) {
          buckets.incrementAndGet(i);
          break;
        }
      }
      sum.add(seconds);
      count.increment();
    }

    long[] cumulative() {
      long[] result = new long[BUCKETS.size()];
      long running = 0;
      for (int i = 0; i < BUCKETS.size(); i++) {
        running += buckets.get(i);
        result[i] = running;
      }
      return result;
    }

    long count() {
      return count.sum();
    }

    double sum() {
      return sum.sum();
    }
  }
}
