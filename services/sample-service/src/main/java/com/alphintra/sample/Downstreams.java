package com.alphintra.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls downstream services in parallel, carrying the trace headers of the request being served.
 */
final class Downstreams {

  private final HttpClient client;
  private final Duration timeout;

  Downstreams(Duration timeout) {
    // HTTP/1.1 on purpose: the sidecar speaks it to the app, and h2c upgrade requests would only
    // add a hop.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  /**
   * Calls every target with {@code GET <target><pathAndQuery>} at once and waits for all of them.
   */
  List<DownstreamCall> fanOut(List<URI> targets, String pathAndQuery, TraceHeaders headers) {
    List<CompletableFuture<DownstreamCall>> pending =
        targets.stream()
            .map(target -> call(target, target.resolve(pathAndQuery), headers))
            .toList();
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /**
   * One call to {@code url}, reported under {@code target}; never fails, errors become the outcome.
   */
  CompletableFuture<DownstreamCall> call(URI target, URI url, TraceHeaders headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
    for (Map.Entry<String, String> header : headers.values().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    long started = System.nanoTime();
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              Duration took = Duration.ofNanos(System.nanoTime() - started);
              if (failure == null) {
                return new DownstreamCall(
                    target,
                    Optional.of(response.statusCode()),
                    Optional.empty(),
                    response.body(),
                    took);
              }
              return new DownstreamCall(
                  target, Optional.empty(), Optional.of(describe(failure)), "", took);
            });
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof ConnectException) {
      return "connect_failed";
    }
    if (cause instanceof IOException) {
      return "io_error";
    }
    return "error";
  }
}
