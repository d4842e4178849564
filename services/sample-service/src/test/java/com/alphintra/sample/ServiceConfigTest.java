package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void readsTheKeysOfThePerServiceConfigMap() {
    // The values of infra/kubernetes/base/configmaps/trading-engine-config.yaml.
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "SERVICE_NAME", "trading-engine",
                "DOWNSTREAM_SERVICES",
                    "http://risk-service.alphintra.svc.cluster.local:8080,"
                        + "http://market-data.alphintra.svc.cluster.local:8080,"
                        + "http://portfolio-service.alphintra.svc.cluster.local:8080",
                "SERVER_PORT", "8080"));

    assertThat(config.serviceName()).isEqualTo("trading-engine");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.downstreams())
        .containsExactly(
            URI.create("http://risk-service.alphintra.svc.cluster.local:8080"),
            URI.create("http://market-data.alphintra.svc.cluster.local:8080"),
            URI.create("http://portfolio-service.alphintra.svc.cluster.local:8080"));
    assertThat(config.readinessDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anEmptyDownstreamListIsALeafService() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("SERVICE_NAME", "auth-service", "DOWNSTREAM_SERVICES", ""));

    assertThat(config.downstreams()).isEmpty();
    assertThat(config.port()).isEqualTo(8080);
  }

  @Test
  void aMissingRoleIsRefusedWithTheVariableName() {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SERVICE_NAME");
  }

  @Test
  void aDownstreamThatIsNotPlainHttpIsRefused() {
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "SERVICE_NAME",
                        "api-gateway",
                        "DOWNSTREAM_SERVICES",
                        "https://auth-service:8080")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http://host:port");
  }

  @Test
  void aBadPortIsRefused() {
    assertThatThrownBy(
            () -> ServiceConfig.fromEnvironment(Map.of("SERVICE_NAME", "x", "SERVER_PORT", "http")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SERVER_PORT");
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnvironment(Map.of("SERVICE_NAME", "x", "SERVER_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SERVER_PORT");
  }
}
