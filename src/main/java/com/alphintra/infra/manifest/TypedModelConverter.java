package com.alphintra.infra.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a document into fabric8's typed model and reports what does not fit.
 *
 * <p>The class comes from fabric8's {@link KubernetesSerialization}, which maps {@code apiVersion}
 * + {@code kind} to every {@code KubernetesResource} registered through {@code META-INF/services}
 * on the class path: the core Kubernetes models, the Istio model (istio-client) and the
 * Prometheus-operator model (openshift-model-monitoring). A kind with no registered class becomes a
 * {@code GenericKubernetesResource} and an {@link ProblemKind#UNKNOWN_KIND} note.
 *
 * <p>Reading is as strict as the API server: no text for numbers or booleans, no numbers for text,
 * no fractions for integers. A wrong type stops Jackson, so an object reports at most one wrong
 * type.
 *
 * <p>fabric8 keeps fields it does not know in {@code additionalProperties}. Rather than walk the
 * object graph reflectively, the typed object is written back through a mapper that ignores those
 * maps, and every key of the original tree that did not come back is a candidate: the exact path,
 * and correct for Istio's one-of fields, which fabric8 reads through unwrapped properties. Only for
 * objects with candidates is the object written once more with every field (nulls and empties too)
 * to tell unknown fields from empty ones and from values the model dropped (an unknown enum value).
 *
 * <p>Both mappers are built once; instances are safe to share between threads.
 */
final class TypedModelConverter {

  private final KubernetesSerialization serialization;
  private final ObjectMapper knownFieldsWriter;
  private final ObjectMapper everyFieldWriter;

  TypedModelConverter() {
    ObjectMapper strict =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    // Jackson still turns text into numbers and booleans, and scalars into text, unless told not
    // to.
    for (LogicalType scalar :
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    // fabric8 adds its modules and the apiVersion/kind -> class resolution (searching the class
    // path) to it.
    this.serialization = new KubernetesSerialization(strict, true);
    // Registered after fabric8's modules, so it wins over fabric8's lenient Integer deserializer.
    strict.registerModule(
        new SimpleModule("alphintra-strict-integers")
            .addDeserializer(Integer.class, new StrictIntegerDeserializer()));
    this.knownFieldsWriter =
        JsonMapper.builder().annotationIntrospector(new KnownFieldsIntrospector(false)).build();
    this.everyFieldWriter =
        JsonMapper.builder().annotationIntrospector(new KnownFieldsIntrospector(true)).build();
  }

  /** The typed class registered for {@code apiVersion} and {@code kind}, if any. */
  Optional<Class<? extends KubernetesResource>> registeredClass(String apiVersion, String kind) {
    return Optional.ofNullable(serialization.getRegisteredKubernetesResource(apiVersion, kind));
  }

  /**
   * The object read from {@code document}, whose root must be a mapping with {@code apiVersion} and
   * {@code kind}.
   */
  KubeObject convert(ManifestDocument document) {
    Map<String, Object> raw = document.rootMap().orElseThrow();
    List<ManifestProblem> problems = new ArrayList<>();
    HasMetadata typed;
    try {
      KubernetesResource resource = serialization.convertValue(raw, KubernetesResource.class);
      if (!(resource instanceof HasMetadata hasMetadata)) {
        problems.add(
            ManifestProblem.at(
                document,
                FieldPath.root().key("kind"),
                ProblemKind.NOT_A_RESOURCE,
                "\"" + raw.get("kind") + "\" is a list, not an object; list its items one by one"));
        return new KubeObject(document, Optional.empty(), problems);
      }
      typed = hasMetadata;
    } catch (IllegalArgumentException e) {
      problems.add(wrongType(document, e));
      return new KubeObject(document, Optional.empty(), problems);
    }
    if (typed instanceof GenericKubernetesResource) {
      problems.add(
          ManifestProblem.at(
              document,
              FieldPath.root().key("kind"),
              ProblemKind.UNKNOWN_KIND,
              "no model for kind \""
                  + raw.get("kind")
                  + "\" of apiVersion \""
                  + raw.get("apiVersion")
                  + "\"; its fields are not checked"));
    } else {
      List<FieldPath> missing = new ArrayList<>();
      collectMissingFields(raw, knownFieldsWriter.valueToTree(typed), FieldPath.root(), missing);
      if (!missing.isEmpty()) {
        classifyMissingFields(document, everyFieldWriter.valueToTree(typed), missing, problems);
      }
    }
    return new KubeObject(document, Optional.of(typed), problems);
  }

  /** Collects the keys of {@code raw} that the typed object did not write back. */
  private static void collectMissingFields(
      Object raw, JsonNode known, FieldPath path, List<FieldPath> missing) {
    if (raw instanceof Map<?, ?> map && known.isObject()) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        FieldPath field = path.key((String) entry.getKey());
        JsonNode knownValue = known.get((String) entry.getKey());
        if (knownValue == null) {
          missing.add(field);
        } else {
          collectMissingFields(entry.getValue(), knownValue, field, missing);
        }
      }
    } else if (raw instanceof List<?> list && known.isArray() && known.size() == list.size()) {
      for (int i = 0; i < list.size(); i++) {
        collectMissingFields(list.get(i), known.get(i), path.index(i), missing);
      }
    }
  }

  /**
   * Sorts out the keys that did not come back: a field the model has (it appears when every field
   * is written, nulls and empties included) was dropped because it is empty, or because the model
   * could not take its value (an enum value it does not know); any other key is an unknown field.
   */
  private static void classifyMissingFields(
      ManifestDocument document,
      JsonNode everyField,
      List<FieldPath> missing,
      List<ManifestProblem> problems) {
    for (FieldPath field : missing) {
      Object value = document.valueAt(field).orElse(null);
      if (isModelled(everyField, field)) {
        if (!isEmpty(value)) {
          problems.add(
              ManifestProblem.at(
                  document,
                  field,
                  ProblemKind.INVALID_VALUE,
                  "invalid value for "
                      + field
                      + ": "
                      + describe(value)
                      + " is not one the model accepts"));
        }
      } else {
        FieldPath parent = field.parent();
        String key = ((PathSegment.Key) field.segments().get(field.segments().size() - 1)).name();
        problems.add(
            ManifestProblem.at(
                document,
                field,
                ProblemKind.UNKNOWN_FIELD,
                "unknown field \"" + key + "\"" + (parent.isRoot() ? "" : " in " + parent)));
      }
    }
  }

  private static boolean isModelled(JsonNode everyField, FieldPath field) {
    JsonNode node = everyField;
    List<PathSegment> segments = field.segments();
    for (int i = 0; i < segments.size() && node != null; i++) {
      PathSegment segment = segments.get(i);
      if (i == segments.size() - 1) {
        return node.isObject() && node.has(((PathSegment.Key) segment).name());
      }
      node =
          segment instanceof PathSegment.Index index
              ? node.get(index.index())
              : node.get(((PathSegment.Key) segment).name());
    }
    return false;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof Map<?, ?> map && map.isEmpty()
        || value instanceof Collection<?> collection && collection.isEmpty();
  }

  private static ManifestProblem wrongType(ManifestDocument document, IllegalArgumentException e) {
    if (!(e.getCause() instanceof JsonMappingException mapping)) {
      return ManifestProblem.at(
          document, FieldPath.root(), ProblemKind.WRONG_TYPE, firstLine(e.getMessage()));
    }
    FieldPath path = FieldPath.root();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path = path.key(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path = path.index(reference.getIndex());
      }
    }
    String found = document.valueAt(path).map(TypedModelConverter::describe).orElse(null);
    String expected =
        mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
            ? describe(mismatch.getTargetType())
            : null;
    String message =
        expected != null && found != null
            ? "wrong type for " + path + ": expected " + expected + ", found " + found
            : "wrong type for " + path + ": " + firstLine(mapping.getOriginalMessage());
    return ManifestProblem.at(document, path, ProblemKind.WRONG_TYPE, message);
  }

  private static String describe(Object value) {
    if (value instanceof String text) {
      return "text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a sequence";
    }
    if (value instanceof Boolean) {
      return "boolean " + value;
    }
    return "number " + value;
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == BigInteger.class
        || type == Short.class) {
      return "an integer";
    }
    if (type == Double.class
        || type == double.class
        || type == Float.class
        || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a sequence";
    }
    return "a mapping (" + type.getSimpleName() + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable value" : message.lines().findFirst().orElse(message);
  }
}
