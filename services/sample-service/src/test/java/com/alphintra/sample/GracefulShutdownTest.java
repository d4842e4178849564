package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void readinessGoesFalseFirstThenInFlightRequestsFinishThenTheListenerIsGone() throws Exception {
    try (RecordingDownstream slow = RecordingDownstream.holding()) {
      ServiceConfig config =
          new ServiceConfig(
              "trading-engine",
              0,
              List.of(slow.url()),
              Duration.ofSeconds(10),
              Duration.ofMillis(600),
              Duration.ofSeconds(10));
      SampleServer server = SampleServer.startOnLoopback(config, log::add);
      var base = server.baseUrl();

      CompletableFuture<HttpResponse<String>> inFlight =
          CompletableFuture.supplyAsync(() -> Http.get(base.resolve("/orders")));
      assertThat(slow.awaitRequest()).isTrue();
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::shutdown);

      // During the readiness delay: not ready, but still serving.
      Thread.sleep(200);
      assertThat(server.isReady()).isFalse();
      assertThat(Http.get(base.resolve("/readyz")).statusCode()).isEqualTo(503);
      assertThat(Http.get(base.resolve("/healthz")).statusCode()).isEqualTo(200);

      // After it the listener is closed, while the in-flight request still waits on its downstream.
      Thread.sleep(800);
      assertThat(stopping).isNotDone();
      assertThatThrownBy(() -> new Socket("127.0.0.1", base.getPort()).close())
          .isInstanceOf(ConnectException.class);

      slow.release();
      HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
      stopping.get(10, TimeUnit.SECONDS);

      assertThat(finished.statusCode()).isEqualTo(200);
      JsonNode last = Http.json(log.get(log.size() - 1));
      assertThat(last.get("msg").asText()).isEqualTo("stopped");
      assertThat(last.get("drained").asBoolean()).isTrue();
      assertThat(log).anySatisfy(line -> assertThat(line).contains("\"msg\":\"stopping\""));
    }
  }

  @Test
  void shutdownWithNothingInFlightIsPrompt() throws Exception {
    ServiceConfig config =
        new ServiceConfig(
            "auth-service",
            0,
            List.of(),
            Duration.ofSeconds(1),
            Duration.ZERO,
            Duration.ofSeconds(20));
    SampleServer server = SampleServer.startOnLoopback(config, log::add);

    long started = System.nanoTime();
    server.shutdown();
    server.shutdown();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close())
        .isInstanceOf(ConnectException.class);
  }
}
