package com.alphintra.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.OperationFailedException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Docker token flow as Artifact Registry runs it: a 401 with a Bearer challenge, a token from
 * the realm for user {@code oauth2accesstoken} and the Google access token, then the manifest. A
 * stand-in server on a loopback port plays the registry.
 */
class RegistryManifestsTest {

  private static final String DIGEST = "sha256:" + "c".repeat(64);
  private static final RegistryCredential GOOGLE =
      new RegistryCredential("oauth2accesstoken", "ya29.t");

  private HttpServer server;
  private String host;
  private final List<String> tokenQueries = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/v2/token", this::token);
    server.createContext("/v2/p/r/", this::manifest);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenQueries.add(exchange.getRequestURI().getRawQuery());
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("oauth2accesstoken:ya29.t".getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.sendResponseHeaders(403, -1);
      exchange.close();
      return;
    }
    byte[] body = "{\"token\":\"registry-token\"}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void manifest(HttpExchange exchange) throws IOException {
    if (!"Bearer registry-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + host
                  + "/v2/token\",service=\"us-east4-docker.pkg.dev\",scope=\"repository:p/r/app:pull\"");
      exchange.sendResponseHeaders(401, -1);
    } else if (exchange.getRequestURI().getPath().endsWith("/manifests/1.0")) {
      exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
      exchange.sendResponseHeaders(200, -1);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
    exchange.close();
  }

  @Test
  void aTagThatIsThereGivesItsDigestThroughTheTokenFlow() {
    RegistryManifests manifests = new RegistryManifests();

    assertThat(manifests.digestOf(host + "/p/r/app:1.0", Optional.of(GOOGLE))).hasValue(DIGEST);
    assertThat(manifests.digestOf(host + "/p/r/app:2.0", Optional.of(GOOGLE))).isEmpty();
    assertThat(tokenQueries)
        .first()
        .asString()
        .contains("service=us-east4-docker.pkg.dev", "scope=repository%3Ap%2Fr%2Fapp%3Apull");
  }

  @Test
  void aRefusedTokenFailsNamingTheImageAndTheCredentialsToCheck() {
    assertThatThrownBy(
            () ->
                new RegistryManifests()
                    .digestOf(
                        host + "/p/r/app:1.0",
                        Optional.of(new RegistryCredential("oauth2accesstoken", "expired"))))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("refused access to " + host + "/p/r/app:1.0")
        .hasMessageNotContaining("expired");
  }

  @Test
  void theSecretIsNeverInTheCredentialsText() {
    assertThat(GOOGLE.toString()).doesNotContain("ya29");
  }
}
