package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Six instances on loopback ports wired as the platform's call graph (README, infra/kubernetes
 * configmaps).
 */
class CallGraphTest {

  /**
   * Callee lists of the declared call graph, leaves first so each instance's downstreams exist when
   * it starts.
   */
  private static final Map<String, List<String>> GRAPH = new LinkedHashMap<>();

  static {
    GRAPH.put("auth-service", List.of());
    GRAPH.put("market-data", List.of());
    GRAPH.put("portfolio-service", List.of());
    GRAPH.put("risk-service", List.of("market-data", "portfolio-service"));
    GRAPH.put("trading-engine", List.of("risk-service", "market-data", "portfolio-service"));
    GRAPH.put(
        "api-gateway",
        List.of("auth-service", "trading-engine", "market-data", "portfolio-service"));
  }

  private final Map<String, SampleServer> servers = new LinkedHashMap<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startTheGraph() throws Exception {
    for (Map.Entry<String, List<String>> service : GRAPH.entrySet()) {
      List<URI> downstreams = new ArrayList<>();
      service.getValue().forEach(callee -> downstreams.add(servers.get(callee).baseUrl()));
      servers.put(
          service.getKey(),
          SampleServer.startOnLoopback(
              ServiceConfig.of(service.getKey(), 0, downstreams), log::add));
    }
  }

  @AfterEach
  void stopTheGraph() {
    servers.values().forEach(SampleServer::shutdown);
  }

  @Test
  void oneRequestToTheGatewayCrossesEveryEdgeOnce() {
    log.clear();
    HttpResponse<String> response =
        Http.send(
            servers.get("api-gateway").baseUrl().resolve("/api/orders"),
            "GET",
            Map.of(
                "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "x-request-id",
                "smoke-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode root = Http.json(response.body());
    assertThat(edges(root))
        .containsExactlyInAnyOrder(
            "api-gateway->auth-service",
            "api-gateway->trading-engine",
            "api-gateway->market-data",
            "api-gateway->portfolio-service",
            "trading-engine->risk-service",
            "trading-engine->market-data",
            "trading-engine->portfolio-service",
            "risk-service->market-data",
            "risk-service->portfolio-service");
  }

  @Test
  void everyHopLogsTheSameTraceAndRequestId() {
    log.clear();
    Http.send(
        servers.get("api-gateway").baseUrl().resolve("/api/orders"),
        "GET",
        Map.of(
            "traceparent",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "x-request-id",
            "smoke-2"));

    List<JsonNode> requests =
        log.stream()
            .map(Http::json)
            .filter(line -> line.get("msg").asText().equals("request"))
            .toList();
    // 1 gateway + 4 from it + 3 from trading-engine + 2 from risk-service.
    assertThat(requests).hasSize(10);
    assertThat(requests)
        .allSatisfy(
            line -> {
              assertThat(line.get("traceId").asText())
                  .isEqualTo("0af7651916cd43dd8448eb211c80319c");
              assertThat(line.get("requestId").asText()).isEqualTo("smoke-2");
              assertThat(line.get("status").asInt()).isEqualTo(200);
            });
    assertThat(requests)
        .extracting(line -> line.get("service").asText())
        .containsOnlyOnce("api-gateway", "trading-engine", "risk-service", "auth-service");
  }

  @Test
  void aLeafGoingDownFailsEveryPathThroughIt() {
    servers.get("portfolio-service").shutdown();

    HttpResponse<String> response = Http.get(servers.get("api-gateway").baseUrl().resolve("/"));

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode root = Http.json(response.body());
    assertThat(root.get("calls").get(0).get("status").asInt()).as("auth-service").isEqualTo(200);
    assertThat(root.get("calls").get(1).get("status").asInt()).as("trading-engine").isEqualTo(502);
    assertThat(root.get("calls").get(3).get("error").asText())
        .as("portfolio-service")
        .isEqualTo("connect_failed");
  }

  /**
   * caller->callee for every successful call in the nested response, by the services' own names.
   */
  private static List<String> edges(JsonNode node) {
    List<String> found = new ArrayList<>();
    for (JsonNode call : node.get("calls")) {
      JsonNode response = call.get("response");
      found.add(node.get("service").asText() + "->" + response.get("service").asText());
      found.addAll(edges(response));
    }
    return found;
  }
}
