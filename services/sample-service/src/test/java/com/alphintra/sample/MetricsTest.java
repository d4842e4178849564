package com.alphintra.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Metrics metrics = new Metrics("market-data", () -> 2, () -> 1);

  @Test
  void declaresEveryFamilyWithItsType() {
    Exposition parsed = Exposition.parse(metrics.render());

    assertThat(parsed.types())
        .containsEntry("http_server_requests_total", "counter")
        .containsEntry("http_server_request_duration_seconds", "histogram")
        .containsEntry("http_client_requests_total", "counter")
        .containsEntry("http_server_requests_in_flight", "gauge")
        .containsEntry("sample_service_ready", "gauge");
    assertThat(parsed.value("http_server_requests_in_flight", Map.of())).isEqualTo(2);
  }

  @Test
  void countsRequestsByRouteMethodAndStatus() {
    metrics.recordRequest("/", "GET", 200, 0.003);
    metrics.recordRequest("/", "GET", 200, 0.2);
    metrics.recordRequest("/", "GET", 502, 0.04);
    metrics.recordRequest("/healthz", "GET", 200, 0.0001);

    Exposition parsed = Exposition.parse(metrics.render());

    assertThat(parsed.value("http_server_requests_total", Map.of("route", "/", "status", "200")))
        .isEqualTo(2);
    assertThat(parsed.value("http_server_requests_total", Map.of("route", "/", "status", "502")))
        .isEqualTo(1);
    assertThat(parsed.value("http_server_requests_total", Map.of("route", "/healthz")))
        .isEqualTo(1);
    assertThat(parsed.named("http_server_requests_total"))
        .allSatisfy(sample -> assertThat(sample.labels()).containsEntry("service", "market-data"));
  }

  @Test
  void histogramBucketsAreCumulativeAndEndInCount() {
    metrics.recordRequest("/", "GET", 200, 0.003);
    metrics.recordRequest("/", "GET", 200, 0.07);
    metrics.recordRequest("/", "GET", 200, 30);

    Exposition parsed = Exposition.parse(metrics.render());
    List<Exposition.Sample> buckets = parsed.named("http_server_request_duration_seconds_bucket");

    assertThat(buckets).hasSize(Metrics.BUCKETS.size() + 1);
    assertThat(buckets)
        .extracting(sample -> sample.labels().get("le"))
        .startsWith("0.005", "0.01")
        .endsWith("10.0", "+Inf");
    assertThat(buckets)
        .extracting(Exposition.Sample::value)
        .containsExactly(1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 3.0);
    assertThat(parsed.value("http_server_request_duration_seconds_count", Map.of())).isEqualTo(3);
    assertThat(parsed.value("http_server_request_duration_seconds_sum", Map.of()))
        .isCloseTo(30.073, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void labelValuesAreEscaped() {
    metrics.recordCall("http://x/\"quoted\"\\\n", "connect_failed");

    Exposition parsed = Exposition.parse(metrics.render());

    assertThat(parsed.named("http_client_requests_total"))
        .singleElement()
        .satisfies(
            sample ->
                assertThat(sample.labels())
                    .containsEntry("target", "http://x/\"quoted\"\\\n")
                    .containsEntry("outcome", "connect_failed"));
  }
}
