package com.alphintra.sample;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in downstream service that records each request's path and headers and answers as
 * scripted.
 */
final class RecordingDownstream implements AutoCloseable {

  record Request(String pathAndQuery, Headers headers) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release;
  private final CountDownLatch arrived = new CountDownLatch(1);

  private RecordingDownstream(int status, String body, CountDownLatch release) throws IOException {
    this.release = release;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          URI uri = exchange.getRequestURI();
          requests.add(
              new Request(
                  uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                  exchange.getRequestHeaders()));
          arrived.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static RecordingDownstream answering(int status, String body) throws IOException {
    return new RecordingDownstream(status, body, new CountDownLatch(0));
  }

  /** Holds every request until {@link #release()}: an in-flight request for shutdown tests. */
  static RecordingDownstream holding() throws IOException {
    return new RecordingDownstream(200, "{\"service\":\"slow\"}", new CountDownLatch(1));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  boolean awaitRequest() throws InterruptedException {
    return arrived.await(10, TimeUnit.SECONDS);
  }

  void release() {
    release.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
