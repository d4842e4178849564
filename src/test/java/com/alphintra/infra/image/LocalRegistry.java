package com.alphintra.infra.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real container registry on a loopback port, from Debian's docker-registry package (distribution
 * 2.x), with its storage in a temporary folder. Tests and the benchmark use it; it is absent on
 * machines without the package.
 */
public final class LocalRegistry implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final int port;

  private LocalRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Why the registry cannot run here, or empty when it can. */
  public static Optional<String> unavailableReason() {
    return Files.isExecutable(BINARY)
        ? Optional.empty()
        : Optional.of(
            BINARY + " is not installed (apt-get install -y docker-registry); .ci/run installs it");
  }

  public static LocalRegistry start(Path folder) throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path config = folder.resolve("config.yml");
    Files.createDirectories(folder.resolve("storage"));
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: error
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """
            .formatted(folder.resolve("storage"), port));
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("registry.log").toFile())
            .start();
    LocalRegistry registry = new LocalRegistry(process, port);
    registry.awaitUp(Duration.ofSeconds(20));
    return registry;
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:<port>}: a registry host as image references name it. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** GET /v2/{repository}/manifests/{reference}, accepting OCI and Docker manifests. */
  public HttpResponse<String> manifest(String repository, String reference)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://" + host() + "/v2/" + repository + "/manifests/" + reference))
            .header(
                "Accept",
                "application/vnd.oci.image.manifest.v1+json, "
                    + "application/vnd.docker.distribution.manifest.v2+json")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                    .timeout(Duration.ofSeconds(1))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    close();
    throw new UncheckedIOException(
        new IOException(
            "docker-registry did not answer on "
                + host()
                + " within "
                + timeout.toSeconds()
                + "s"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
