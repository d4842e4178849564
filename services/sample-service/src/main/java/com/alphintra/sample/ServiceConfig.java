package com.alphintra.sample;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one instance is told by its environment (the per-service ConfigMap): which role it plays,
 * which services it calls, where it listens and how long it may wait and drain.
 *
 * @param serviceName the role, e.g. {@code api-gateway} (SERVICE_NAME)
 * @param port the port to listen on (SERVER_PORT, default 8080; 0 picks a free one)
 * @param downstreams the base URLs of the services this one calls (DOWNSTREAM_SERVICES,
 *     comma-separated)
 * @param downstreamTimeout how long one downstream call may take (DOWNSTREAM_TIMEOUT_MS, default
 *     3000)
 * @param readinessDelay on SIGTERM, how long /readyz answers 503 before the listener closes
 *     (SHUTDOWN_READINESS_DELAY_SECONDS, default 5), so endpoints drop the pod before it stops
 *     accepting
 * @param drainTimeout how long in-flight requests may still run once the listener is closed
 *     (SHUTDOWN_DRAIN_SECONDS, default 20; with the delay it stays inside the pod's 30 s grace
 *     period)
 */
public record ServiceConfig(
    String serviceName,
    int port,
    List<URI> downstreams,
    Duration downstreamTimeout,
    Duration readinessDelay,
    Duration drainTimeout) {

  public ServiceConfig {
    Objects.requireNonNull(serviceName, "serviceName");
    downstreams = List.copyOf(downstreams);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * A configuration for tests and tools: the given role and calls, short timeouts, no readiness
   * delay.
   */
  public static ServiceConfig of(String serviceName, int port, List<URI> downstreams) {
    return new ServiceConfig(
        serviceName,
        port,
        downstreams,
        Duration.ofSeconds(3),
        Duration.ZERO,
        Duration.ofSeconds(5));
  }

  /**
   * Reads the configuration from environment variables; a wrong value is a {@link ConfigException}.
   */
  public static ServiceConfig fromEnvironment(Map<String, String> environment) {
    String name = environment.getOrDefault("SERVICE_NAME", "").strip();
    if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
      throw new ConfigException(
          "SERVICE_NAME must be a lower-case DNS label such as api-gateway, got '" + name + "'");
    }
    int port = integer(environment, "SERVER_PORT", 8080);
    if (port < 1 || port > 65535) {
      throw new ConfigException("SERVER_PORT must be between 1 and 65535, got " + port);
    }
    return new ServiceConfig(
        name,
        port,
        downstreams(environment.getOrDefault("DOWNSTREAM_SERVICES", "")),
        Duration.ofMillis(integer(environment, "DOWNSTREAM_TIMEOUT_MS", 3000)),
        Duration.ofSeconds(integer(environment, "SHUTDOWN_READINESS_DELAY_SECONDS", 5)),
        Duration.ofSeconds(integer(environment, "SHUTDOWN_DRAIN_SECONDS", 20)));
  }

  static List<URI> downstreams(String commaSeparated) {
    List<URI> urls = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      URI url;
      try {
        url = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("DOWNSTREAM_SERVICES has a malformed URL '" + text + "'");
      }
      if (!"http".equals(url.getScheme()) || url.getHost() == null) {
        throw new ConfigException(
            "DOWNSTREAM_SERVICES entries must be http://host:port URLs (the sidecar adds"
                + " mutual TLS), got '"
                + text
                + "'");
      }
      urls.add(url);
    }
    return urls;
  }

  private static int integer(Map<String, String> environment, String key, int fallback) {
    String value = environment.getOrDefault(key, "").strip();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 0) {
        throw new ConfigException(key + " must not be negative, got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + value + "'");
    }
  }
}
