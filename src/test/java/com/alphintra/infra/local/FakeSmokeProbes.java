package com.alphintra.infra.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mesh as the deep check sees it when all is well: the sample services' nested answer for the
 * call graph, a 403 for the undeclared call, the trace in Jaeger (after {@code
 * tracePollsBeforeFound} empty polls) and mutual_tls series for every edge. Tests change one answer
 * to break one check.
 */
final class FakeSmokeProbes implements SmokeProbes {

  static final ObjectMapper JSON = new ObjectMapper();

  final CallGraph graph;
  final List<String> requests = new ArrayList<>();
  Function<String, HttpAnswer> ingress;
  HttpAnswer inside =
      new HttpAnswer(
          200,
          "{\"service\":\"auth-service\",\"call\":{\"target\":"
              + "\"http://market-data.alphintra.svc.cluster.local:8080/\",\"status\":403,\"durationMs\":2,"
              + "\"response\":\"RBAC: access denied\"}}");
  Function<String, HttpAnswer> jaeger;
  HttpAnswer prometheus;
  int tracePollsBeforeFound = 1;
  boolean closed;
  private int tracePolls;

  FakeSmokeProbes(CallGraph graph) {
    this.graph = graph;
    this.ingress = path -> new HttpAnswer(200, answerFor("api-gateway").toString());
    this.jaeger =
        path ->
            tracePolls++ < tracePollsBeforeFound
                ? new HttpAnswer(404, "{\"data\":null}")
                : new HttpAnswer(200, trace(graph.services()).toString());
    this.prometheus = new HttpAnswer(200, mtls(graph.edges(), "mutual_tls").toString());
  }

  /**
   * What a sample service answers: its name and each downstream call with the callee's own answer
   * nested.
   */
  ObjectNode answerFor(String service) {
    ObjectNode node = JSON.createObjectNode().put("service", service).put("status", 200);
    ArrayNode calls = node.putArray("calls");
    for (String callee : graph.callees().get(service)) {
      calls
          .addObject()
          .put("target", "http://" + callee + ".alphintra.svc.cluster.local:8080")
          .put("status", 200)
          .put("durationMs", 3)
          .set("response", answerFor(callee));
    }
    return node;
  }

  static ObjectNode trace(List<String> services) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode trace = root.putArray("data").addObject();
    ArrayNode spans = trace.putArray("spans");
    ObjectNode processes = trace.putObject("processes");
    int i = 0;
    for (String service : services) {
      spans.addObject().put("spanID", "s" + i).put("processID", "p" + i);
      processes.putObject("p" + i++).put("serviceName", service + ".alphintra");
    }
    return root;
  }

  static ObjectNode mtls(List<String> edges, String policy) {
    ObjectNode root = JSON.createObjectNode().put("status", "success");
    ArrayNode result = root.putObject("data").put("resultType", "vector").putArray("result");
    for (String edge : edges) {
      String[] ends = edge.split("->");
      ObjectNode series = result.addObject();
      series
          .putObject("metric")
          .put("source_workload", ends[0])
          .put("destination_workload", ends[1])
          .put("connection_security_policy", policy);
      series.putArray("value").add(1.7e9).add("1");
    }
    return root;
  }

  @Override
  public HttpAnswer throughIngress(String path, Map<String, String> headers) {
    requests.add("ingress " + path + " " + headers.get("traceparent"));
    return ingress.apply(path);
  }

  @Override
  public HttpAnswer insideService(String namespace, String service, String path) {
    requests.add("inside " + namespace + "/" + service + " " + path);
    return inside;
  }

  @Override
  public HttpAnswer jaeger(String pathAndQuery) {
    requests.add("jaeger " + pathAndQuery);
    return jaeger.apply(pathAndQuery);
  }

  @Override
  public HttpAnswer prometheus(String pathAndQuery) {
    requests.add("prometheus " + pathAndQuery);
    return prometheus;
  }

  @Override
  public void close() {
    closed = true;
  }
}
