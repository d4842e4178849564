package com.alphintra.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The deep status check ({@code alphintra status --deep}): one traced request through the ingress
 * gateway must cross every edge of the call graph; a call the graph does not declare must be
 * denied; the request's trace must reach Jaeger with a span from every service; and Istio's metrics
 * must show mutual TLS on every edge.
 */
public final class SmokeTest {

  static final String GROUP = "deep";
  static final String PATH = "/alphintra-smoke";
  static final String MTLS_QUERY =
      "sum by (source_workload, destination_workload, connection_security_policy) "
          + "(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"%s\"})";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallGraph graph;
  private final String namespace;
  private final Duration telemetryWait;
  private final Duration pollInterval;
  private final Supplier<String> traceIds;

  /**
   * @param telemetryWait how long traces and metrics may take to arrive (span flush, scrape
   *     interval)
   * @param traceIds makes the 32-hex-digit trace id of the request
   */
  public SmokeTest(
      CallGraph graph,
      String namespace,
      Duration telemetryWait,
      Duration pollInterval,
      Supplier<String> traceIds) {
    this.graph = graph;
    this.namespace = namespace;
    this.telemetryWait = telemetryWait;
    this.pollInterval = pollInterval;
    this.traceIds = traceIds;
  }

  public static Supplier<String> randomTraceIds() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    };
  }

  public List<HealthItem> run(SmokeProbes probes) throws InterruptedException {
    String traceId = traceIds.get();
    List<HealthItem> items = new ArrayList<>();
    items.add(callGraph(probes, traceId));
    items.add(denied(probes));
    items.add(trace(probes, traceId));
    items.add(mutualTls(probes));
    return items;
  }

  private HealthItem callGraph(SmokeProbes probes, String traceId) {
    Map<String, String> headers = new LinkedHashMap<>();
    String spanId = traceId.substring(16);
    headers.put("traceparent", "00-" + traceId + "-" + spanId + "-01");
    headers.put("x-b3-traceid", traceId);
    headers.put("x-b3-spanid", spanId);
    headers.put("x-b3-sampled", "1");
    headers.put("x-request-id", "alphintra-smoke-" + traceId);
    long started = System.nanoTime();
    HttpAnswer answer = probes.throughIngress(PATH, headers);
    long millis = (System.nanoTime() - started) / 1_000_000;
    String name = "call graph through ingress";
    Optional<JsonNode> body = json(answer.body());
    if (!answer.answered() || body.isEmpty()) {
      return new HealthItem(GROUP, name, false, "GET " + PATH + ": " + answer.describe());
    }
    Set<String> answered = new LinkedHashSet<>();
    List<String> failed = new ArrayList<>();
    walk(body.get(), answered, failed);
    List<String> missing = graph.edges().stream().filter(edge -> !answered.contains(edge)).toList();
    boolean ok = answer.isOk() && missing.isEmpty() && failed.isEmpty();
    String detail =
        ok
            ? answered.size()
                + "/"
                + graph.edges().size()
                + " edges answered, "
                + answer.status()
                + " in "
                + millis
                + " ms"
            : answer.status()
                + ": "
                + String.join("; ", failed.isEmpty() ? List.of("missing " + missing) : failed);
    return new HealthItem(GROUP, name, ok, detail);
  }

  /** Collects {@code caller->callee} of every successful nested call, and a line per failed one. */
  private static void walk(JsonNode node, Set<String> answered, List<String> failed) {
    String caller = node.path("service").asText("?");
    for (JsonNode call : node.path("calls")) {
      JsonNode response = call.path("response");
      String callee =
          response.isObject() ? response.path("service").asText(host(call)) : host(call);
      if (call.path("status").isInt() && call.path("status").asInt() / 100 == 2) {
        answered.add(caller + "->" + callee);
      } else {
        failed.add(
            caller
                + " -> "
                + callee
                + ": "
                + (call.path("status").isInt()
                    ? call.path("status").asInt()
                        + (response.isTextual() ? " " + response.asText() : "")
                    : call.path("error").asText("no answer")));
      }
      if (response.isObject()) {
        walk(response, answered, failed);
      }
    }
  }

  private static String host(JsonNode call) {
    String target = call.path("target").asText();
    String host = target.replaceFirst("^https?://", "");
    return host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
  }

  private HealthItem denied(SmokeProbes probes) {
    Optional<List<String>> pair = graph.undeclaredPair();
    if (pair.isEmpty()) {
      return new HealthItem(
          GROUP,
          "undeclared call denied",
          true,
          "every pair of services is an edge: nothing to deny");
    }
    String caller = pair.get().get(0);
    String callee = pair.get().get(1);
    String name = caller + " -> " + callee + " denied";
    String url = "http://" + callee + "." + namespace + ".svc.cluster.local:8080/";
    HttpAnswer answer =
        probes.insideService(
            namespace, caller, "/debug/call?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    Optional<JsonNode> call = json(answer.body()).map(body -> body.path("call"));
    if (!answer.isOk() || call.isEmpty() || call.get().isMissingNode()) {
      return new HealthItem(
          GROUP, name, false, "could not make the call from " + caller + ": " + answer.describe());
    }
    JsonNode result = call.get();
    String response = result.path("response").asText("");
    if (result.path("status").isInt()) {
      int status = result.path("status").asInt();
      if (status == 403) {
        return new HealthItem(
            GROUP,
            name,
            true,
            "403 from the mesh: "
                + (response.isEmpty() ? "forbidden" : response)
                + " (AuthorizationPolicy)");
      }
      if (status / 100 == 2) {
        return new HealthItem(
            GROUP,
            name,
            false,
            "ALLOWED with "
                + status
                + ": no AuthorizationPolicy or NetworkPolicy stops a call the call graph does not declare");
      }
      return new HealthItem(
          GROUP,
          name,
          true,
          "denied with "
              + status
              + (response.isEmpty() ? "" : " " + response)
              + " (the connection was refused before the AuthorizationPolicy, e.g. by a NetworkPolicy)");
    }
    return new HealthItem(
        GROUP,
        name,
        true,
        "denied: no answer ("
            + result.path("error").asText("error")
            + "): a NetworkPolicy drops the connection before the mesh's AuthorizationPolicy would answer 403");
  }

  private HealthItem trace(SmokeProbes probes, String traceId) throws InterruptedException {
    String name = "trace in Jaeger";
    Set<String> wanted = new TreeSet<>(graph.services());
    long deadline = System.nanoTime() + telemetryWait.toNanos();
    Set<String> seen = new TreeSet<>();
    int spans = 0;
    HttpAnswer last = HttpAnswer.none("not asked");
    do {
      last = probes.jaeger("/api/traces/" + traceId);
      Optional<JsonNode> body = json(last.body());
      if (last.isOk() && body.isPresent()) {
        seen.clear();
        spans = 0;
        for (JsonNode trace : body.get().path("data")) {
          spans += trace.path("spans").size();
          for (JsonNode process : trace.path("processes")) {
            String service = process.path("serviceName").asText();
            seen.add(service.contains(".") ? service.substring(0, service.indexOf('.')) : service);
          }
        }
        if (seen.containsAll(wanted)) {
          return new HealthItem(
              GROUP,
              name,
              true,
              "trace "
                  + traceId
                  + ": "
                  + spans
                  + " spans from "
                  + seen.size()
                  + " services ("
                  + String.join(", ", seen)
                  + ")");
        }
      }
    } while (sleepUntil(deadline));
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(seen);
    return new HealthItem(
        GROUP,
        name,
        false,
        "trace "
            + traceId
            + " after "
            + Durations.format(telemetryWait)
            + ": "
            + (seen.isEmpty()
                ? last.describe()
                : spans + " spans, none from " + String.join(", ", missing)));
  }

  private HealthItem mutualTls(SmokeProbes probes) throws InterruptedException {
    String name = "mTLS on every edge";
    String query =
        "/api/v1/query?query="
            + URLEncoder.encode(MTLS_QUERY.formatted(namespace), StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + telemetryWait.toNanos();
    HttpAnswer last;
    Set<String> mutual = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    do {
      last = probes.prometheus(query);
      Optional<JsonNode> body = json(last.body());
      if (last.isOk() && body.isPresent()) {
        mutual.clear();
        plain.clear();
        for (JsonNode series : body.get().path("data").path("result")) {
          JsonNode metric = series.path("metric");
          String edge =
              metric.path("source_workload").asText()
                  + "->"
                  + metric.path("destination_workload").asText();
          if ("mutual_tls".equals(metric.path("connection_security_policy").asText())) {
            mutual.add(edge);
          } else {
            plain.add(
                edge + " (" + metric.path("connection_security_policy").asText("unknown") + ")");
          }
        }
        if (plain.isEmpty() && mutual.containsAll(graph.edges())) {
          return new HealthItem(
              GROUP,
              name,
              true,
              graph.edges().size()
                  + "/"
                  + graph.edges().size()
                  + " edges mutual_tls (istio_requests_total, reporter=destination)");
        }
      }
    } while (sleepUntil(deadline));
    if (!plain.isEmpty()) {
      return new HealthItem(GROUP, name, false, "without mutual TLS: " + String.join(", ", plain));
    }
    if (!last.isOk()) {
      return new HealthItem(GROUP, name, false, "Prometheus: " + last.describe());
    }
    List<String> missing = graph.edges().stream().filter(edge -> !mutual.contains(edge)).toList();
    return new HealthItem(
        GROUP,
        name,
        false,
        "no mutual_tls requests recorded after "
            + Durations.format(telemetryWait)
            + " for "
            + String.join(", ", missing));
  }

  /** Sleeps one poll interval unless that passes the deadline; false when the time is up. */
  private boolean sleepUntil(long deadline) throws InterruptedException {
    if (System.nanoTime() + pollInterval.toNanos() > deadline) {
      return false;
    }
    Thread.sleep(pollInterval.toMillis());
    return true;
  }

  private static Optional<JsonNode> json(String text) {
    try {
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
