package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private static final Map<String, String> TRACE =
      Map.of(
          "x-request-id", "7f0e2b4c-1111-2222-3333-444455556666",
          "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "tracestate", "congo=t61rcWkgMzE",
          "x-b3-traceid", "4bf92f3577b34da6a3ce929d0e0e4736",
          "x-b3-spanid", "00f067aa0ba902b7",
          "x-b3-parentspanid", "a3ce929d0e0e4736",
          "x-b3-sampled", "1");

  private SampleServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdown();
    }
  }

  @Test
  void callsEveryDownstreamWithTheSamePathAndNestsTheirAnswers() throws Exception {
    try (RecordingDownstream risk =
            RecordingDownstream.answering(200, "{\"service\":\"risk-service\"}");
        RecordingDownstream market =
            RecordingDownstream.answering(200, "{\"service\":\"market-data\"}")) {
      server =
          SampleServer.startOnLoopback(
              ServiceConfig.of("trading-engine", 0, List.of(risk.url(), market.url())), line -> {});

      HttpResponse<String> response = Http.get(server.baseUrl().resolve("/orders/17?side=buy"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(risk.requests())
          .extracting(RecordingDownstream.Request::pathAndQuery)
          .containsExactly("/orders/17?side=buy");
      assertThat(market.requests()).hasSize(1);
      JsonNode calls = Http.json(response.body()).get("calls");
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0).get("target").asText()).isEqualTo(risk.url().toString());
      assertThat(calls.get(0).get("status").asInt()).isEqualTo(200);
      assertThat(calls.get(0).get("response").get("service").asText()).isEqualTo("risk-service");
      assertThat(calls.get(1).get("response").get("service").asText()).isEqualTo("market-data");
    }
  }

  @Test
  void propagatesW3cB3AndRequestIdHeadersUnchanged() throws Exception {
    try (RecordingDownstream downstream = RecordingDownstream.answering(200, "{}")) {
      server =
          SampleServer.startOnLoopback(
              ServiceConfig.of("api-gateway", 0, List.of(downstream.url())), line -> {});

      Http.send(server.baseUrl().resolve("/"), "GET", TRACE);

      var received = downstream.requests().get(0).headers();
      TRACE.forEach((name, value) -> assertThat(received.getFirst(name)).as(name).isEqualTo(value));
    }
  }

  @Test
  void makesUpARequestIdWhenNoneCameInAndCarriesItDownstream() throws Exception {
    try (RecordingDownstream downstream = RecordingDownstream.answering(200, "{}")) {
      server =
          SampleServer.startOnLoopback(
              ServiceConfig.of("api-gateway", 0, List.of(downstream.url())), line -> {});

      HttpResponse<String> response = Http.get(server.baseUrl().resolve("/"));

      String requestId = response.headers().firstValue("x-request-id").orElseThrow();
      assertThat(requestId).isNotBlank();
      assertThat(downstream.requests().get(0).headers().getFirst("x-request-id"))
          .isEqualTo(requestId);
      assertThat(downstream.requests().get(0).headers().containsKey("traceparent")).isFalse();
    }
  }

  @Test
  void aFailingDownstreamMakesTheAnswer502AndNamesIt() throws Exception {
    try (RecordingDownstream denied = RecordingDownstream.answering(403, "RBAC: access denied");
        RecordingDownstream fine =
            RecordingDownstream.answering(200, "{\"service\":\"market-data\"}")) {
      server =
          SampleServer.startOnLoopback(
              ServiceConfig.of("risk-service", 0, List.of(fine.url(), denied.url())), line -> {});

      HttpResponse<String> response = Http.get(server.baseUrl().resolve("/"));

      assertThat(response.statusCode()).isEqualTo(502);
      JsonNode calls = Http.json(response.body()).get("calls");
      assertThat(calls.get(1).get("status").asInt()).isEqualTo(403);
      assertThat(calls.get(1).get("response").asText()).isEqualTo("RBAC: access denied");
      Exposition metrics = Exposition.parse(Http.get(server.baseUrl().resolve("/metrics")).body());
      assertThat(metrics.value("http_client_requests_total", Map.of("outcome", "403")))
          .isEqualTo(1);
      assertThat(metrics.value("http_server_requests_total", Map.of("route", "/", "status", "502")))
          .isEqualTo(1);
    }
  }

  @Test
  void anUnreachableOrSlowDownstreamIsAnErrorNotAHang() throws Exception {
    try (RecordingDownstream slow = RecordingDownstream.holding()) {
      URI closedPort = URI.create("http://127.0.0.1:1");
      ServiceConfig config =
          new ServiceConfig(
              "api-gateway",
              0,
              List.of(closedPort, slow.url()),
              Duration.ofMillis(500),
              Duration.ZERO,
              Duration.ofSeconds(2));
      server = SampleServer.startOnLoopback(config, line -> {});

      HttpResponse<String> response = Http.get(server.baseUrl().resolve("/"));

      assertThat(response.statusCode()).isEqualTo(502);
      JsonNode calls = Http.json(response.body()).get("calls");
      assertThat(calls.get(0).get("error").asText()).isEqualTo("connect_failed");
      assertThat(calls.get(1).get("error").asText()).isEqualTo("timeout");
      assertThat(calls.get(0).get("status").isNull()).isTrue();
    }
  }
}
