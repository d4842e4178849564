package com.alphintra.infra.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Generates the CRD-schema resource that {@code alphintra check} ships ({@code
 * com/alphintra/infra/platform/crd-schemas.json.gz}): the {@code openAPIV3Schema} of every served
 * version of the Istio CRDs (istio/base's {@code files/crd-all.gen.yaml}) and the
 * Prometheus-operator CRDs (kube-prometheus-stack's {@code charts/crds/crds/}), without their
 * descriptions, keyed {@code group/version/Kind}. Run through {@link CrdSchemasSyncTest}: {@value
 * CrdSchemasSyncTest#REGENERATE}.
 */
final class CrdSchemaGenerator {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private CrdSchemaGenerator() {}

  /** The resource's JSON text for the charts of {@code archives}. */
  static String generate(ChartArchives archives) {
    Map<String, String> sources = new TreeMap<>();
    Map<String, JsonNode> schemas = new TreeMap<>();
    Map<String, String> base = archives.files("base");
    sources.put("istio/base", archives.versionOf("base"));
    addCrds(base.get("files/crd-all.gen.yaml"), schemas);
    sources.put(
        "prometheus-community/kube-prometheus-stack", archives.versionOf("kube-prometheus-stack"));
    archives.files("kube-prometheus-stack").entrySet().stream()
        .filter(file -> file.getKey().startsWith("charts/crds/crds/"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(file -> addCrds(file.getValue(), schemas));
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("charts", JSON.valueToTree(sources));
    root.set("schemas", JSON.valueToTree(schemas));
    try {
      return JSON.writeValueAsString(JSON.treeToValue(root, Object.class)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static void addCrds(String yaml, Map<String, JsonNode> schemas) {
    for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      JsonNode crd = JSON.valueToTree(document);
      if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
        continue;
      }
      String group = crd.path("spec").path("group").asText();
      String kind = crd.path("spec").path("names").path("kind").asText();
      for (JsonNode version : crd.path("spec").path("versions")) {
        JsonNode schema = version.path("schema").path("openAPIV3Schema");
        if (version.path("served").asBoolean(false) && schema.isObject()) {
          schemas.put(
              group + "/" + version.path("name").asText() + "/" + kind,
              withoutDescriptions((ObjectNode) schema.deepCopy()));
        }
      }
    }
  }

  /** Drops the schema keyword {@code description}, not properties that happen to be so named. */
  private static JsonNode withoutDescriptions(ObjectNode schema) {
    schema.remove("description");
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "properties", "patternProperties", "definitions" ->
            value.fields().forEachRemaining(p -> stripSchema(p.getValue()));
        case "items", "additionalProperties", "not" -> stripSchema(value);
        case "allOf", "anyOf", "oneOf" -> value.forEach(CrdSchemaGenerator::stripSchema);
        default -> {}
      }
    }
    return schema;
  }

  private static void stripSchema(JsonNode node) {
    if (node instanceof ObjectNode object) {
      withoutDescriptions(object);
    } else if (node instanceof ArrayNode array) {
      array.forEach(CrdSchemaGenerator::stripSchema);
    }
  }

  static List<String> kinds(String json) throws IOException {
    return iterable(JSON.readTree(json).path("schemas").fieldNames());
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
