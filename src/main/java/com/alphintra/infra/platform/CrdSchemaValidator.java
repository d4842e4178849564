package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a custom resource against its CRD's structural {@code openAPIV3Schema}, as the API
 * server does on create: unknown fields (which the server would prune), types (with {@code
 * x-kubernetes-int-or-string}), {@code enum}, {@code required}, string length and pattern, number
 * and item bounds, {@code allOf anyOf oneOf not}, and the {@code x-kubernetes-validations} rules
 * that {@link CelExpression} can evaluate; a rule it cannot evaluate (see there) is skipped. {@code
 * metadata} is the API server's ObjectMeta and not checked here; {@code format} is not checked.
 *
 * <p>Safe to share between threads.
 */
public final class CrdSchemaValidator {

  private final Map<String, Optional<CelExpression>> rules = new ConcurrentHashMap<>();

  /** What the schema rejects in {@code object} (the whole tree of one resource). */
  public List<SchemaViolation> validate(JsonNode schema, Map<String, Object> object) {
    List<SchemaViolation> violations = new ArrayList<>();
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, Object> field : object.entrySet()) {
      String key = field.getKey();
      if (key.equals("metadata") || key.equals("apiVersion") || key.equals("kind")) {
        continue;
      }
      FieldPath path = FieldPath.root().key(key);
      JsonNode fieldSchema = properties.get(key);
      if (fieldSchema == null) {
        if (properties.isObject()) {
          violations.add(new SchemaViolation(path, "unknown field \"" + key + "\""));
        }
      } else {
        validate(fieldSchema, field.getValue(), path, violations);
      }
    }
    rulesOf(schema, object, FieldPath.root(), violations);
    return violations;
  }

  private void validate(
      JsonNode schema, Object value, FieldPath path, List<SchemaViolation> violations) {
    if (value == null) {
      return;
    }
    if (!hasType(schema, value)) {
      violations.add(
          new SchemaViolation(
              path,
              "wrong type for "
                  + path
                  + ": expected "
                  + expected(schema)
                  + ", found "
                  + describe(value)));
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= sameValue(allowed, value);
      }
      if (!listed) {
        violations.add(
            new SchemaViolation(
                path,
                "invalid value for "
                    + path
                    + ": "
                    + describe(value)
                    + " is not one of "
                    + schema.get("enum")));
      }
    }
    if (value instanceof String text) {
      bounds(
          schema,
          "minLength",
          "maxLength",
          text.codePointCount(0, text.length()),
          path,
          "characters",
          violations);
      if (schema.has("pattern")) {
        try {
          if (!Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            violations.add(
                new SchemaViolation(
                    path,
                    "invalid value for "
                        + path
                        + ": \""
                        + text
                        + "\" does not match "
                        + schema.get("pattern").asText()));
          }
        } catch (PatternSyntaxException e) {
          // An RE2 construct Java does not read: not checked.
        }
      }
    }
    if (value instanceof Number number
        && !(schema.path("x-kubernetes-int-or-string").asBoolean())) {
      numberBounds(schema, number, path, violations);
    }
    if (value instanceof List<?> list) {
      bounds(schema, "minItems", "maxItems", list.size(), path, "items", violations);
      JsonNode items = schema.get("items");
      if (items != null) {
        for (int i = 0; i < list.size(); i++) {
          validate(items, list.get(i), path.index(i), violations);
        }
      }
    }
    if (value instanceof Map<?, ?> map) {
      bounds(schema, "minProperties", "maxProperties", map.size(), path, "fields", violations);
      for (JsonNode required : schema.path("required")) {
        if (!map.containsKey(required.asText())) {
          violations.add(
              new SchemaViolation(
                  path,
                  "missing required field \"" + required.asText() + "\" in " + describePath(path)));
        }
      }
      JsonNode properties = schema.get("properties");
      JsonNode additional = schema.get("additionalProperties");
      boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        FieldPath child = path.key(key);
        JsonNode childSchema = properties == null ? null : properties.get(key);
        if (childSchema != null) {
          validate(childSchema, entry.getValue(), child, violations);
        } else if (additional != null && additional.isObject()) {
          validate(additional, entry.getValue(), child, violations);
        } else if (properties != null
            && !preserve
            && !(additional != null && additional.asBoolean(false))) {
          violations.add(
              new SchemaViolation(child, "unknown field \"" + key + "\" in " + describePath(path)));
        }
      }
    }
    combinations(schema, value, path, violations);
    rulesOf(schema, value, path, violations);
  }

  private void combinations(
      JsonNode schema, Object value, FieldPath path, List<SchemaViolation> violations) {
    for (JsonNode part : schema.path("allOf")) {
      validate(part, value, path, violations);
    }
    if (schema.has("anyOf") && count(schema.get("anyOf"), value, path) == 0) {
      violations.add(
          new SchemaViolation(
              path,
              describePath(path) + " matches none of the alternatives its schema allows (anyOf)"));
    }
    if (schema.has("oneOf") && count(schema.get("oneOf"), value, path) != 1) {
      violations.add(
          new SchemaViolation(
              path,
              describePath(path)
                  + " must match exactly one of the alternatives its schema allows (oneOf): set only"
                  + " one of the fields that exclude each other"));
    }
    if (schema.has("not") && count(List.of(schema.get("not")), value, path) == 1) {
      violations.add(
          new SchemaViolation(
              path, describePath(path) + " matches a shape its schema forbids (not)"));
    }
  }

  private int count(Iterable<JsonNode> alternatives, Object value, FieldPath path) {
    int matching = 0;
    for (JsonNode alternative : alternatives) {
      List<SchemaViolation> found = new ArrayList<>();
      validate(alternative, value, path, found);
      if (found.isEmpty()) {
        matching++;
      }
    }
    return matching;
  }

  private void rulesOf(
      JsonNode schema, Object value, FieldPath path, List<SchemaViolation> violations) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String source = rule.path("rule").asText();
      Optional<CelExpression> expression = rules.computeIfAbsent(source, CelExpression::parse);
      if (expression.isPresent() && expression.get().evaluate(value).equals(Optional.of(false))) {
        String message = rule.path("message").asText("");
        violations.add(
            new SchemaViolation(
                path,
                describePath(path)
                    + " fails the CRD's validation rule "
                    + (message.isEmpty() ? "" : "\"" + message + "\" ")
                    + "("
                    + source
                    + ")"));
      }
    }
  }

  private static void bounds(
      JsonNode schema,
      String min,
      String max,
      int size,
      FieldPath path,
      String unit,
      List<SchemaViolation> violations) {
    if (schema.has(min) && size < schema.get(min).asLong()) {
      violations.add(
          new SchemaViolation(
              path,
              describePath(path)
                  + " has "
                  + size
                  + " "
                  + unit
                  + ", fewer than "
                  + schema.get(min).asLong()));
    }
    if (schema.has(max) && size > schema.get(max).asLong()) {
      violations.add(
          new SchemaViolation(
              path,
              describePath(path)
                  + " has "
                  + size
                  + " "
                  + unit
                  + ", more than "
                  + schema.get(max).asLong()));
    }
  }

  private static void numberBounds(
      JsonNode schema, Number number, FieldPath path, List<SchemaViolation> violations) {
    double value = number.doubleValue();
    if (schema.has("minimum")) {
      double minimum = schema.get("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      if (exclusive ? value <= minimum : value < minimum) {
        violations.add(
            new SchemaViolation(
                path,
                "invalid value for "
                    + path
                    + ": "
                    + number
                    + " is below "
                    + schema.get("minimum")));
      }
    }
    if (schema.has("maximum")) {
      double maximum = schema.get("maximum").asDouble();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      if (exclusive ? value >= maximum : value > maximum) {
        violations.add(
            new SchemaViolation(
                path,
                "invalid value for "
                    + path
                    + ": "
                    + number
                    + " is above "
                    + schema.get("maximum")));
      }
    }
  }

  private static boolean hasType(JsonNode schema, Object value) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return value instanceof String || isInteger(value);
    }
    String type = schema.path("type").asText("");
    return switch (type) {
      case "object" -> value instanceof Map<?, ?>;
      case "array" -> value instanceof List<?>;
      case "string" -> value instanceof String;
      case "integer" -> isInteger(value);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static boolean sameValue(JsonNode allowed, Object value) {
    if (allowed.isTextual()) {
      return allowed.asText().equals(value);
    }
    if (allowed.isNumber() && value instanceof Number number) {
      return allowed.decimalValue().compareTo(new java.math.BigDecimal(number.toString())) == 0;
    }
    if (allowed.isBoolean()) {
      return Boolean.valueOf(allowed.asBoolean()).equals(value);
    }
    return false;
  }

  private static String expected(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return "an integer or text";
    }
    return switch (schema.path("type").asText("")) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "text";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean";
      default -> schema.path("type").asText();
    };
  }

  private static String describe(Object value) {
    if (value instanceof String text) {
      return "text \"" + text + "\"";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Boolean bool) {
      return "boolean " + bool;
    }
    return "number " + value;
  }

  private static String describePath(FieldPath path) {
    return path.isRoot() ? "the object" : path.toString();
  }
}
