package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SampleServerTest {

  private final List<String> log = new CopyOnWriteArrayList<>();
  private SampleServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdown();
    }
  }

  private SampleServer start(String name, List<URI> downstreams) throws Exception {
    server = SampleServer.startOnLoopback(ServiceConfig.of(name, 0, downstreams), log::add);
    return server;
  }

  @Test
  void healthAndReadinessAnswerOk() throws Exception {
    start("auth-service", List.of());

    assertThat(Http.get(server.baseUrl().resolve("/healthz")).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = Http.get(server.baseUrl().resolve("/readyz"));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ready\n");
  }

  @Test
  void metricsAreServedInTheTextFormatAndCountEarlierRequests() throws Exception {
    start("auth-service", List.of());
    Http.get(server.baseUrl().resolve("/healthz"));
    Http.get(server.baseUrl().resolve("/orders"));

    HttpResponse<String> metrics = Http.get(server.baseUrl().resolve("/metrics"));

    assertThat(metrics.headers().firstValue("content-type")).hasValue(Metrics.CONTENT_TYPE);
    Exposition parsed = Exposition.parse(metrics.body());
    assertThat(
            parsed.value(
                "http_server_requests_total", Map.of("route", "/healthz", "status", "200")))
        .isEqualTo(1);
    assertThat(parsed.value("http_server_requests_total", Map.of("route", "/", "status", "200")))
        .isEqualTo(1);
    assertThat(parsed.value("sample_service_ready", Map.of())).isEqualTo(1);
  }

  @Test
  void anyOtherPathIsTheServicesWorkAndAnswersJson() throws Exception {
    start("auth-service", List.of());

    HttpResponse<String> response =
        Http.send(
            server.baseUrl().resolve("/api/v1/session?user=7"),
            "GET",
            Map.of("x-request-id", "req-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-request-id")).hasValue("req-1");
    JsonNode body = Http.json(response.body());
    assertThat(body.get("service").asText()).isEqualTo("auth-service");
    assertThat(body.get("requestId").asText()).isEqualTo("req-1");
    assertThat(body.get("calls")).isEmpty();
  }

  @Test
  void probesRefuseOtherMethodsAndAnswerHead() throws Exception {
    start("auth-service", List.of());

    HttpResponse<String> post = Http.send(server.baseUrl().resolve("/healthz"), "POST", Map.of());
    HttpResponse<String> head = Http.send(server.baseUrl().resolve("/readyz"), "HEAD", Map.of());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void logsOneJsonLinePerRequest() throws Exception {
    start("risk-service", List.of());
    log.clear();

    Http.send(
        server.baseUrl().resolve("/risk/limits"),
        "GET",
        Map.of(
            "x-request-id",
            "req-42",
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    assertThat(log).hasSize(1);
    JsonNode line = Http.json(log.get(0));
    assertThat(line.get("service").asText()).isEqualTo("risk-service");
    assertThat(line.get("msg").asText()).isEqualTo("request");
    assertThat(line.get("method").asText()).isEqualTo("GET");
    assertThat(line.get("path").asText()).isEqualTo("/risk/limits");
    assertThat(line.get("route").asText()).isEqualTo("/");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("durationMs").isNumber()).isTrue();
    assertThat(line.get("requestId").asText()).isEqualTo("req-42");
    assertThat(line.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("time").asText()).endsWith("Z");
  }

  @Test
  void debugCallReachesAnyUrlForCallersOnTheOwnLoopback() throws Exception {
    try (RecordingDownstream target = RecordingDownstream.answering(403, "RBAC: access denied")) {
      start("market-data", List.of());
      URI probe =
          server
              .baseUrl()
              .resolve(
                  "/debug/call?url="
                      + URLEncoder.encode(target.url() + "/", StandardCharsets.UTF_8));

      HttpResponse<String> response = Http.get(probe);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode call = Http.json(response.body()).get("call");
      assertThat(call.get("status").asInt()).isEqualTo(403);
      assertThat(call.get("response").asText()).isEqualTo("RBAC: access denied");
    }
  }

  @Test
  void debugCallIsNotFoundForCallersThroughTheSidecar() throws Exception {
    start("market-data", List.of());
    // Istio's sidecar hands inbound requests to the app from 127.0.0.6.
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.6"), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /debug/call?url=http://127.0.0.1:1/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).isEqualTo("HTTP/1.1 404 Not Found");
    }
  }

  @Test
  void debugCallWithoutAUrlIsABadRequest() throws Exception {
    start("market-data", List.of());

    assertThat(Http.get(server.baseUrl().resolve("/debug/call")).statusCode()).isEqualTo(400);
    assertThat(
            Http.get(server.baseUrl().resolve("/debug/call?url=file:///etc/passwd")).statusCode())
        .isEqualTo(400);
  }
}
