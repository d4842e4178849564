package com.alphintra.infra.repository;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stand-in Kubernetes API on 127.0.0.1:8080 (where Helm's client goes without a kubeconfig) that
 * answers the {@code lookup} calls of the charts while they render: it knows the namespaces {@code
 * up} has created by the time it installs the observability charts, each with its {@code
 * kubernetes.io/metadata.name} label (kiali-server derives its RoleBindings from them), and no
 * other object (grafana's lookup of its own claim finds none, as on a first install).
 */
final class StandInApiServer implements AutoCloseable {

  static final int PORT = 8080;

  private final HttpServer server;

  private StandInApiServer(HttpServer server) {
    this.server = server;
  }

  /** The server, or empty when port 8080 is taken. */
  static Optional<StandInApiServer> start(List<String> namespaces) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
    } catch (BindException e) {
      return Optional.empty();
    }
    server.createContext("/", exchange -> answer(exchange, namespaces));
    server.start();
    return Optional.of(new StandInApiServer(server));
  }

  private static void answer(HttpExchange exchange, List<String> namespaces) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    int status = 200;
    if (path.equals("/api")) {
      body = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}";
    } else if (path.equals("/apis")) {
      body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
    } else if (path.equals("/api/v1")) {
      body =
          "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
              + resource("namespaces", "Namespace", false)
              + ","
              + resource("persistentvolumeclaims", "PersistentVolumeClaim", true)
              + ","
              + resource("secrets", "Secret", true)
              + ","
              + resource("configmaps", "ConfigMap", true)
              + "]}";
    } else if (path.equals("/api/v1/namespaces")) {
      body =
          "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":["
              + namespaces.stream()
                  .map(
                      name ->
                          "{\"metadata\":{\"name\":\""
                              + name
                              + "\",\"labels\":{\"kubernetes.io/metadata.name\":\""
                              + name
                              + "\"}}}")
                  .collect(Collectors.joining(","))
              + "]}";
    } else {
      status = 404;
      body =
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String resource(String plural, String kind, boolean namespaced) {
    return "{\"name\":\""
        + plural
        + "\",\"singularName\":\"\",\"namespaced\":"
        + namespaced
        + ",\"kind\":\""
        + kind
        + "\",\"verbs\":[\"get\",\"list\"]}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
