package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structural-schema checks, on small schemas and on the shipped CRDs. */
class CrdSchemaValidatorTest {

  private final CrdSchemaValidator validator = new CrdSchemaValidator();

  private static JsonNode schema(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  private List<String> messages(JsonNode schema, Map<String, Object> object) {
    return validator.validate(schema, object).stream().map(SchemaViolation::message).toList();
  }

  @Test
  void intOrStringPreservedFieldsAndMapsAreAccepted() throws Exception {
    JsonNode schema =
        schema(
            """
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "port":{"x-kubernetes-int-or-string":true},
              "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
              "labels":{"type":"object","additionalProperties":{"type":"string"}}}}}}
            """);
    assertThat(
            messages(
                schema,
                Map.of(
                    "metadata", Map.of("name", "x", "anything", 1),
                    "spec",
                        Map.of(
                            "port", "http",
                            "free", Map.of("whatever", List.of(1)),
                            "labels", Map.of("a", "b")))))
        .isEmpty();
    assertThat(messages(schema, Map.of("spec", Map.of("labels", Map.of("a", 1)))))
        .containsExactly("wrong type for spec.labels.a: expected text, found number 1");
  }

  @Test
  void oneOfAllowsOnlyOneOfTheExclusiveFields() throws Exception {
    JsonNode schema =
        schema(
            """
            {"type":"object","properties":{"spec":{"type":"object",
              "properties":{"a":{"type":"string"},"b":{"type":"string"}},
              "oneOf":[{"not":{"anyOf":[{"required":["a"]},{"required":["b"]}]}},
                       {"required":["a"]},{"required":["b"]}]}}}
            """);
    assertThat(messages(schema, Map.of("spec", Map.of("a", "x")))).isEmpty();
    assertThat(messages(schema, Map.of("spec", Map.of()))).as("neither is fine too").isEmpty();
    assertThat(messages(schema, Map.of("spec", Map.of("a", "x", "b", "y"))))
        .singleElement()
        .asString()
        .contains("must match exactly one of the alternatives");
  }

  @Test
  void theShippedSchemasKnowTheKindsWeDeploy() {
    CrdSchemas shipped = CrdSchemas.shipped();
    assertThat(shipped.schema("networking.istio.io/v1", "VirtualService")).isPresent();
    assertThat(shipped.schema("monitoring.coreos.com/v1", "PodMonitor")).isPresent();
    assertThat(shipped.schema("networking.istio.io/v9", "VirtualService")).isEmpty();
    assertThat(shipped.definesGroup("security.istio.io")).isTrue();
    assertThat(shipped.charts())
        .containsKeys("istio/base", "prometheus-community/kube-prometheus-stack");
    JsonNode peer = shipped.schema("security.istio.io/v1", "PeerAuthentication").orElseThrow();
    assertThat(messages(peer, Map.of("spec", Map.of("mtls", Map.of("mode", "STRICTEST")))))
        .singleElement()
        .asString()
        .contains("spec.mtls.mode")
        .contains("STRICTEST");
  }
}
