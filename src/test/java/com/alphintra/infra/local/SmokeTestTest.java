package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTestTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final CallGraph GRAPH =
      CallGraph.read(Path.of("infra/kubernetes/base/configmaps"));

  private final FakeSmokeProbes probes = new FakeSmokeProbes(GRAPH);

  private List<HealthItem> run() throws InterruptedException {
    return new SmokeTest(
            GRAPH, "alphintra", Duration.ofMillis(400), Duration.ofMillis(20), () -> TRACE)
        .run(probes);
  }

  private static HealthItem item(List<HealthItem> items, String prefix) {
    return items.stream().filter(item -> item.name().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void theCallGraphIsReadFromTheConfigMaps() {
    assertThat(GRAPH.edges())
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
    assertThat(GRAPH.entryPoints()).containsExactly("api-gateway");
    assertThat(GRAPH.undeclaredPair()).hasValue(List.of("auth-service", "market-data"));
  }

  @Test
  void aHealthyMeshPassesAllFourChecks() throws Exception {
    List<HealthItem> items = run();

    assertThat(items)
        .extracting(HealthItem::name)
        .containsExactly(
            "call graph through ingress",
            "auth-service -> market-data denied",
            "trace in Jaeger",
            "mTLS on every edge");
    assertThat(items)
        .allSatisfy(
            item -> assertThat(item.healthy()).as(item.name() + ": " + item.detail()).isTrue());
    assertThat(item(items, "call graph").detail()).startsWith("9/9 edges answered, 200");
    assertThat(item(items, "auth-service").detail())
        .isEqualTo("403 from the mesh: RBAC: access denied (AuthorizationPolicy)");
    assertThat(item(items, "trace").detail())
        .startsWith("trace " + TRACE + ": 6 spans from 6 services");
    assertThat(item(items, "mTLS").detail()).startsWith("9/9 edges mutual_tls");
  }

  @Test
  void theRequestCarriesTheTraceThatIsLookedUpInJaeger() throws Exception {
    run();

    assertThat(probes.requests.get(0))
        .isEqualTo("ingress /alphintra-smoke 00-" + TRACE + "-a3ce929d0e0e4736-01");
    assertThat(probes.requests).contains("jaeger /api/traces/" + TRACE);
    assertThat(probes.requests)
        .anySatisfy(
            request ->
                assertThat(request)
                    .startsWith(
                        "inside alphintra/auth-service /debug/call?url=http%3A%2F%2Fmarket-data.alphintra.svc"));
  }

  @Test
  void aFailedHopIsNamedWithTheMeshAnswer() throws Exception {
    var answer = probes.answerFor("api-gateway");
    var riskCall =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            answer.get("calls").get(1).get("response").get("calls").get(0);
    riskCall.put("status", 403).put("response", "RBAC: access denied");
    answer.put("status", 502);
    probes.ingress = path -> new HttpAnswer(502, answer.toString());

    HealthItem graph = item(run(), "call graph");

    assertThat(graph.healthy()).isFalse();
    assertThat(graph.detail())
        .isEqualTo("502: trading-engine -> risk-service: 403 RBAC: access denied");
  }

  @Test
  void anIngressThatDoesNotAnswerSaysWhy() throws Exception {
    probes.ingress =
        path ->
            HttpAnswer.none(
                "https://api.alphintra.localhost via 127.0.0.1:443: Connection refused");

    HealthItem graph = item(run(), "call graph");

    assertThat(graph.healthy()).isFalse();
    assertThat(graph.detail()).contains("no answer").contains("Connection refused");
  }

  @Test
  void anUndeclaredCallThatGetsThroughFails() throws Exception {
    probes.inside =
        new HttpAnswer(
            200, "{\"service\":\"auth-service\",\"call\":{\"status\":200,\"response\":{}}}");

    HealthItem denied = item(run(), "auth-service");

    assertThat(denied.healthy()).isFalse();
    assertThat(denied.detail()).startsWith("ALLOWED with 200");
  }

  @Test
  void aNetworkPolicyDropIsADenialAndTheReportSaysWhichLayer() throws Exception {
    probes.inside =
        new HttpAnswer(
            200,
            "{\"service\":\"auth-service\",\"call\":{\"status\":null," + "\"error\":\"timeout\"}}");

    HealthItem denied = item(run(), "auth-service");

    assertThat(denied.healthy()).isTrue();
    assertThat(denied.detail()).contains("no answer (timeout)").contains("NetworkPolicy");
  }

  @Test
  void aTraceMissingAServiceNamesIt() throws Exception {
    probes.jaeger =
        path ->
            new HttpAnswer(
                200,
                FakeSmokeProbes.trace(
                        List.of(
                            "api-gateway",
                            "auth-service",
                            "market-data",
                            "portfolio-service",
                            "trading-engine"))
                    .toString());

    HealthItem trace = item(run(), "trace");

    assertThat(trace.healthy()).isFalse();
    assertThat(trace.detail()).endsWith("5 spans, none from risk-service");
  }

  @Test
  void aPlaintextEdgeFailsTheMtlsCheck() throws Exception {
    var series = FakeSmokeProbes.mtls(GRAPH.edges(), "mutual_tls");
    var plain = FakeSmokeProbes.mtls(List.of("trading-engine->risk-service"), "none");
    ((com.fasterxml.jackson.databind.node.ArrayNode) series.get("data").get("result"))
        .add(plain.get("data").get("result").get(0));
    probes.prometheus = new HttpAnswer(200, series.toString());

    HealthItem mtls = item(run(), "mTLS");

    assertThat(mtls.healthy()).isFalse();
    assertThat(mtls.detail()).isEqualTo("without mutual TLS: trading-engine->risk-service (none)");
  }

  @Test
  void noMetricsYetNamesTheEdgesWithout() throws Exception {
    probes.prometheus =
        new HttpAnswer(
            200,
            FakeSmokeProbes.mtls(List.of("api-gateway->auth-service"), "mutual_tls").toString());

    HealthItem mtls = item(run(), "mTLS");

    assertThat(mtls.healthy()).isFalse();
    assertThat(mtls.detail())
        .startsWith("no mutual_tls requests recorded after")
        .contains("trading-engine->risk-service");
  }

  @Test
  void readsChunkedAndPlainHttpAnswers() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    String plain = "HTTP/1.1 403 Forbidden\r\ncontent-length: 19\r\n\r\nRBAC: access denied";

    assertThat(ClusterSmokeProbes.read(new java.io.ByteArrayInputStream(chunked.getBytes())))
        .isEqualTo(new HttpAnswer(200, "hello world"));
    assertThat(ClusterSmokeProbes.read(new java.io.ByteArrayInputStream(plain.getBytes())))
        .isEqualTo(new HttpAnswer(403, "RBAC: access denied"));
  }
}
