package com.alphintra.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One running instance of the sample service: the JDK HTTP server with the service's routes, its
 * metrics, its downstream client and its graceful shutdown.
 */
public final class SampleServer {

  private static final int WORKER_THREADS = 32;

  private final ServiceConfig config;
  private final Consumer<String> log;
  private final HttpServer server;
  private final ExecutorService workers;
  private final Downstreams downstreams;
  private final Metrics metrics;
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final AtomicBoolean stopping = new AtomicBoolean(false);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object drained = new Object();

  private SampleServer(ServiceConfig config, Consumer<String> log, InetSocketAddress address)
      throws IOException {
    this.config = config;
    this.log = log;
    this.metrics = new Metrics(config.serviceName(), inFlight::get, () -> ready.get() ? 1 : 0);
    this.downstreams = new Downstreams(config.downstreamTimeout());
    this.server = HttpServer.create(address, 128);
    this.workers =
        Executors.newFixedThreadPool(
            WORKER_THREADS,
            runnable -> {
              Thread thread = new Thread(runnable, config.serviceName() + "-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /** Starts listening on all interfaces (as in a pod) and reports ready. */
  public static SampleServer start(ServiceConfig config, Consumer<String> log) throws IOException {
    return start(config, log, new InetSocketAddress(config.port()));
  }

  /** Starts listening on the loopback interface only: for tests and the benchmark. */
  public static SampleServer startOnLoopback(ServiceConfig config, Consumer<String> log)
      throws IOException {
    return start(
        config, log, new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()));
  }

  private static SampleServer start(
      ServiceConfig config, Consumer<String> log, InetSocketAddress address) throws IOException {
    SampleServer instance = new SampleServer(config, log, address);
    instance.server.start();
    instance.ready.set(true);
    instance.event(
        "started",
        Map.of(
            "port",
            instance.port(),
            "downstreams",
            config.downstreams().stream().map(URI::toString).collect(Collectors.joining(","))));
    return instance;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public boolean isReady() {
    return ready.get();
  }

  /**
   * Stops gracefully, as on SIGTERM: readiness goes false first (and stays so for the readiness
   * delay, while requests are still served, so the endpoints controller and the sidecars drop this
   * pod); then the listener closes and in-flight requests get up to the drain timeout to finish.
   * Safe to call twice.
   */
  public void shutdown() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    ready.set(false);
    event(
        "stopping",
        Map.of("readinessDelayMs", config.readinessDelay().toMillis(), "inFlight", inFlight.get()));
    sleep(config.readinessDelay());
    // HttpServer.stop closes the listener at once, then waits for exchanges; on JDK 17 it also
    // waits out the
    // whole delay when none is in progress (JDK-8304065, fixed in 21), so it runs aside and we wait
    // for our
    // own in-flight count instead.
    int drainSeconds = (int) Math.max(1, config.drainTimeout().toSeconds());
    Thread stopper = new Thread(() -> server.stop(drainSeconds), config.serviceName() + "-stop");
    stopper.setDaemon(true);
    stopper.start();
    boolean complete = awaitDrained(config.drainTimeout());
    workers.shutdown();
    event("stopped", Map.of("drained", complete, "inFlight", inFlight.get()));
  }

  private boolean awaitDrained(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(drained, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    inFlight.incrementAndGet();
    try {
      String method = exchange.getRequestMethod();
      Route route = Route.of(exchange.getRequestURI().getRawPath());
      TraceHeaders trace = TraceHeaders.from(exchange.getRequestHeaders());
      Response response;
      try {
        response = respond(route, method, exchange, trace);
      } catch (RuntimeException e) {
        response = Response.text(500, "internal error: " + e.getClass().getSimpleName());
      }
      if (stopping.get()) {
        // Keep-alive connections outlive the listener: ask clients to open the next request
        // elsewhere.
        exchange.getResponseHeaders().set("Connection", "close");
      }
      // Counted and logged before the answer goes out, so whoever has the answer also finds its
      // metric and
      // log line; writing a body of a few hundred bytes is not worth measuring.
      double seconds = (System.nanoTime() - started) / 1e9;
      metrics.recordRequest(route.label(), method, response.status(), seconds);
      logRequest(exchange, method, route, response, trace, seconds);
      send(exchange, method, response, trace);
    } finally {
      exchange.close();
      synchronized (drained) {
        inFlight.decrementAndGet();
        drained.notifyAll();
      }
    }
  }

  private Response respond(Route route, String method, HttpExchange exchange, TraceHeaders trace) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (route != Route.WORK && !read) {
      return Response.text(405, "method " + method + " not allowed on " + route.label())
          .allow("GET, HEAD");
    }
    return switch (route) {
      case HEALTHZ -> Response.text(200, "ok");
      case READYZ ->
          ready.get() ? Response.text(200, "ready") : Response.text(503, "shutting down");
      case METRICS ->
          new Response(200, Metrics.CONTENT_TYPE, metrics.render(), List.of(), Optional.empty());
      case DEBUG_CALL -> debugCall(exchange, trace);
      case WORK -> work(exchange, trace);
    };
  }

  /**
   * The service's work: call every downstream with the same path, nest their answers, 502 if any
   * failed.
   */
  private Response work(HttpExchange exchange, TraceHeaders trace) {
    URI uri = exchange.getRequestURI();
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    List<DownstreamCall> calls = downstreams.fanOut(config.downstreams(), pathAndQuery, trace);
    calls.forEach(call -> metrics.recordCall(call.target().toString(), call.outcome()));
    boolean allSucceeded = calls.stream().allMatch(DownstreamCall::succeeded);
    int status = allSucceeded ? 200 : 502;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", config.serviceName());
    body.put("status", status);
    body.put("requestId", trace.requestId());
    trace.traceId().ifPresent(id -> body.put("traceId", id));
    body.put(
        "calls",
        new JsonText.RawJson(
            calls.stream().map(DownstreamCall::toJson).collect(Collectors.joining(",", "[", "]"))));
    return new Response(status, "application/json", JsonText.object(body), calls, Optional.empty());
  }

  /**
   * A diagnostic call from this service to any URL, so a smoke test can check what the mesh allows
   * this service's identity to reach. Answered only to callers on the pod's own loopback address
   * 127.0.0.1, that is through {@code kubectl port-forward}: traffic from the sidecar arrives from
   * 127.0.0.6 and gets a 404, so nobody outside the pod can use it as a proxy.
   */
  private Response debugCall(HttpExchange exchange, TraceHeaders trace) {
    InetAddress remote = exchange.getRemoteAddress().getAddress();
    boolean fromOwnLoopback =
        remote.getHostAddress().equals("127.0.0.1")
            || remote.getHostAddress().equals("0:0:0:0:0:0:0:1");
    if (!fromOwnLoopback) {
      return Response.text(404, "not found");
    }
    Optional<String> url = queryParameter(exchange.getRequestURI().getRawQuery(), "url");
    if (url.isEmpty()) {
      return Response.text(
          400, "give the URL to call as ?url=http://service.namespace.svc.cluster.local:8080/");
    }
    URI target;
    try {
      target = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      return Response.text(400, "malformed url: " + url.get());
    }
    if (!"http".equals(target.getScheme()) || target.getHost() == null) {
      return Response.text(400, "url must be http://host:port/path, got " + url.get());
    }
    DownstreamCall call = downstreams.call(target, target, trace).join();
    metrics.recordCall(target.toString(), call.outcome());
    String body =
        "{\"service\":" + JsonText.quote(config.serviceName()) + ",\"call\":" + call.toJson() + "}";
    return new Response(200, "application/json", body, List.of(call), Optional.empty());
  }

  static Optional<String> queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return Optional.of(
            equals < 0
                ? ""
                : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static void send(
      HttpExchange exchange, String method, Response response, TraceHeaders trace)
      throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("x-request-id", trace.requestId());
    response.allow().ifPresent(allow -> exchange.getResponseHeaders().set("Allow", allow));
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  private void logRequest(
      HttpExchange exchange,
      String method,
      Route route,
      Response response,
      TraceHeaders trace,
      double seconds) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("time", Instant.now().toString());
    fields.put("level", response.status() >= 500 ? "WARN" : "INFO");
    fields.put("service", config.serviceName());
    fields.put("msg", "request");
    fields.put("method", method);
    fields.put("path", exchange.getRequestURI().getRawPath());
    fields.put("route", route.label());
    fields.put("status", response.status());
    fields.put("durationMs", Math.round(seconds * 1e6) / 1e3);
    fields.put("requestId", trace.requestId());
    trace.traceId().ifPresent(id -> fields.put("traceId", id));
    fields.put("downstreamCalls", response.calls().size());
    fields.put(
        "downstreamFailures", response.calls().stream().filter(call -> !call.succeeded()).count());
    log.accept(JsonText.object(fields));
  }

  private void event(String message, Map<String, ?> details) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("time", Instant.now().toString());
    fields.put("level", "INFO");
    fields.put("service", config.serviceName());
    fields.put("msg", message);
    fields.putAll(new java.util.TreeMap<>(details));
    log.accept(JsonText.object(fields));
  }

  private static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a route answers, and the downstream calls it made for it (for the log line). */
  private record Response(
      int status,
      String contentType,
      String body,
      List<DownstreamCall> calls,
      Optional<String> allow) {

    static Response text(int status, String body) {
      return new Response(
          status, "text/plain; charset=utf-8", body + "\n", List.of(), Optional.empty());
    }

    Response allow(String methods) {
      return new Response(status, contentType, body, calls, Optional.of(methods));
    }
  }
}
