package com.alphintra.infra.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The {@code openAPIV3Schema} of the Istio and Prometheus-operator CRDs, as the tool ships them:
 * generated from the pinned charts' CRDs (descriptions stripped) into the resource {@value
 * #RESOURCE}, so that {@code check} validates custom resources offline, with no cluster and no
 * chart download. The test {@code CrdSchemasSyncTest} keeps the resource in step with the charts
 * and prints the command that regenerates it.
 */
public final class CrdSchemas {

  /** The generated resource, on the class path. */
  public static final String RESOURCE = "/com/alphintra/infra/platform/crd-schemas.json.gz";

  private final Map<String, String> charts;
  private final JsonNode schemas;

  private CrdSchemas(Map<String, String> charts, JsonNode schemas) {
    this.charts = Map.copyOf(charts);
    this.schemas = schemas;
  }

  /** The shipped schemas, read once on first use. */
  public static CrdSchemas shipped() {
    return Shipped.SCHEMAS;
  }

  /** Reads the resource's JSON text. */
  public static CrdSchemas parse(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, String> charts = new TreeMap<>();
      root.path("charts")
          .fields()
          .forEachRemaining(e -> charts.put(e.getKey(), e.getValue().asText()));
      return new CrdSchemas(charts, root.path("schemas"));
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed CRD schema resource: " + e.getMessage(), e);
    }
  }

  /** The chart each group of schemas came from, and its version. */
  public Map<String, String> charts() {
    return charts;
  }

  /**
   * The schema of {@code kind} in {@code apiVersion} ({@code networking.istio.io/v1}), if a shipped
   * CRD defines it.
   */
  public Optional<JsonNode> schema(String apiVersion, String kind) {
    JsonNode schema = schemas.get(apiVersion + "/" + kind);
    return schema == null || !schema.isObject() ? Optional.empty() : Optional.of(schema);
  }

  /**
   * Whether a shipped CRD defines a version of {@code group} (such as {@code
   * monitoring.coreos.com}).
   */
  public boolean definesGroup(String group) {
    for (var names = schemas.fieldNames(); names.hasNext(); ) {
      if (names.next().startsWith(group + "/")) {
        return true;
      }
    }
    return false;
  }

  /** Holds the shipped schemas; the JVM loads it, and so reads the resource, on first use. */
  private static final class Shipped {
    static final CrdSchemas SCHEMAS = read();

    private static CrdSchemas read() {
      try (InputStream in = CrdSchemas.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the tool's CRD schemas are missing: " + RESOURCE);
        }
        return parse(
            new String(
                new GZIPInputStream(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
