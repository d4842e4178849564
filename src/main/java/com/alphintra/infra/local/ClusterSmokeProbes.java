package com.alphintra.infra.local;

import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The deep check's requests on a real cluster: HTTPS to the ingress gateway's published port on
 * 127.0.0.1 (read from the k3d config) (SNI and Host {@code api.alphintra.localhost}, trusting only
 * the local CA), and port-forwards on 127.0.0.1 to a service's pod, Jaeger's query API and
 * Prometheus, opened once and closed with this object.
 */
final class ClusterSmokeProbes implements SmokeProbes {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final Cluster cluster;
  private final Path caCertificate;
  private final int gatewayPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Integer> forwardedPorts = new HashMap<>();
  private final List<LocalPortForward> forwards = new ArrayList<>();

  ClusterSmokeProbes(Cluster cluster, GatewayEndpoint gateway) {
    this.cluster = cluster;
    this.caCertificate = gateway.caCertificate();
    this.gatewayPort = gateway.port();
  }

  @Override
  public HttpAnswer throughIngress(String path, Map<String, String> headers) {
    if (!Files.isRegularFile(caCertificate)) {
      return HttpAnswer.none("no local CA at " + caCertificate + " (run 'alphintra up')");
    }
    String host = HealthCheck.INGRESS_HOST;
    try (Socket plain = new Socket()) {
      plain.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort),
          (int) TIMEOUT.toMillis());
      plain.setSoTimeout((int) TIMEOUT.toMillis());
      try (SSLSocket socket =
          (SSLSocket)
              LocalCertificateAuthority.trustingOnly(caCertificate)
                  .getSocketFactory()
                  .createSocket(plain, host, gatewayPort, true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        StringBuilder request =
            new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        headers.forEach(
            (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read(socket.getInputStream());
      }
    } catch (IOException | GeneralSecurityException e) {
      return HttpAnswer.none(
          "https://" + host + " via 127.0.0.1:" + gatewayPort + ": " + e.getMessage());
    }
  }

  @Override
  public HttpAnswer insideService(String namespace, String service, String path) {
    return get(namespace, service, 8080, path);
  }

  @Override
  public HttpAnswer jaeger(String pathAndQuery) {
    return get(
        HealthCheck.OBSERVABILITY,
        Addon.JAEGER.service(),
        Addon.JAEGER.servicePort(),
        pathAndQuery);
  }

  @Override
  public HttpAnswer prometheus(String pathAndQuery) {
    return get(
        HealthCheck.OBSERVABILITY,
        Addon.PROMETHEUS.service(),
        Addon.PROMETHEUS.servicePort(),
        pathAndQuery);
  }

  private HttpAnswer get(String namespace, String service, int port, String pathAndQuery) {
    int localPort;
    try {
      localPort = forward(namespace, service, port);
    } catch (RuntimeException | IOException e) {
      return HttpAnswer.none(
          "port-forward to "
              + namespace
              + "/"
              + service
              + ":"
              + port
              + " failed: "
              + e.getMessage());
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + pathAndQuery))
                  .timeout(TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new HttpAnswer(response.statusCode(), response.body());
    } catch (IOException e) {
      return HttpAnswer.none(
          namespace + "/" + service + ":" + port + pathAndQuery + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpAnswer.none("interrupted");
    }
  }

  private int forward(String namespace, String service, int port) throws IOException {
    String key = namespace + "/" + service + ":" + port;
    Integer open = forwardedPorts.get(key);
    if (open != null) {
      return open;
    }
    int localPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      localPort = free.getLocalPort();
    }
    forwards.add(cluster.portForward(namespace, service, port, localPort));
    forwardedPorts.put(key, localPort);
    return localPort;
  }

  /**
   * Reads an HTTP/1.1 response to a Connection: close request: status line, headers, then the body.
   */
  static HttpAnswer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return HttpAnswer.none("not an HTTP answer");
    }
    String[] head = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    boolean chunked = false;
    for (int i = 1; i < head.length; i++) {
      String line = head[i].toLowerCase(Locale.ROOT);
      chunked |= line.startsWith("transfer-encoding:") && line.contains("chunked");
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    return new HttpAnswer(
        status, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int position = 0;
    while (position < body.length) {
      int lineEnd = indexOf(body, position);
      if (lineEnd < 0) {
        break;
      }
      String sizeText =
          new String(body, position, lineEnd - position, StandardCharsets.US_ASCII)
              .split(";")[0].strip();
      int size = Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      position = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    for (LocalPortForward forward : forwards) {
      try {
        forward.close();
      } catch (IOException e) {
        // Closing a forward only releases its local port.
      }
    }
  }
}
