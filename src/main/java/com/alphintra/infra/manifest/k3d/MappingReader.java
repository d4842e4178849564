package com.alphintra.infra.manifest.k3d;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.ProblemKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one mapping of a k3d config, reporting every unknown key and wrong type with
 * its position instead of stopping at the first, so a person fixes the file in one round.
 */
final class MappingReader {

  private final ManifestDocument document;
  private final List<ManifestProblem> problems;
  private final Map<?, ?> map;
  private final FieldPath path;

  private MappingReader(
      ManifestDocument document, List<ManifestProblem> problems, Map<?, ?> map, FieldPath path) {
    this.document = document;
    this.problems = problems;
    this.map = map;
    this.path = path;
  }

  /**
   * A reader of the mapping at {@code path}, when {@code value} is one; reports a wrong type
   * otherwise, and each key not in {@code known} as {@link Strictness#rejectsUnknownKeys() the
   * schema treats it}.
   */
  static Optional<MappingReader> of(
      ManifestDocument document,
      List<ManifestProblem> problems,
      Object value,
      FieldPath path,
      Set<String> known,
      Strictness strictness) {
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(wrongType(document, path, "a mapping", value));
      return Optional.empty();
    }
    for (Object key : map.keySet()) {
      if (!known.contains(key)) {
        FieldPath field = path.key((String) key);
        String where = path.isRoot() ? "" : " in " + path;
        problems.add(
            strictness == Strictness.REJECT_UNKNOWN
                ? ManifestProblem.at(
                    document,
                    field,
                    ProblemKind.UNKNOWN_FIELD,
                    "unknown field \"" + key + "\"" + where + "; k3d rejects the file")
                : ManifestProblem.at(
                    document,
                    field,
                    ProblemKind.IGNORED_FIELD,
                    "unknown field \"" + key + "\"" + where + "; k3d ignores it"));
      }
    }
    return Optional.of(new MappingReader(document, problems, map, path));
  }

  /**
   * Whether unknown keys make k3d reject the file (its schema says {@code additionalProperties:
   * false}).
   */
  enum Strictness {
    REJECT_UNKNOWN,
    IGNORE_UNKNOWN
  }

  FieldPath path() {
    return path;
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  void report(FieldPath field, ProblemKind kind, String message) {
    problems.add(ManifestProblem.at(document, field, kind, message));
  }

  Optional<String> text(String key) {
    return field(
        key, "text", value -> value instanceof String text ? Optional.of(text) : Optional.empty());
  }

  /**
   * A field the schema leaves untyped but k3d reads as text (such as a duration): any scalar, as
   * written.
   */
  Optional<String> scalarText(String key) {
    return field(
        key,
        "text or a number",
        value ->
            value instanceof String || value instanceof Number || value instanceof Boolean
                ? Optional.of(String.valueOf(value))
                : Optional.empty());
  }

  Optional<Boolean> bool(String key) {
    return field(
        key,
        "a boolean",
        value -> value instanceof Boolean bool ? Optional.of(bool) : Optional.empty());
  }

  /**
   * A whole number (k3d's Go fields are integers, though the schema says "number"), at least {@code
   * minimum}.
   */
  Optional<Long> wholeNumber(String key, long minimum) {
    Optional<Long> number = field(key, "a whole number", MappingReader::asLong);
    number
        .filter(n -> n < minimum)
        .ifPresent(
            n ->
                report(
                    path.key(key),
                    ProblemKind.INVALID_VALUE,
                    path.key(key) + " is " + n + " but must be at least " + minimum));
    return number.filter(n -> n >= minimum);
  }

  /** The texts of a sequence of text; a wrong item is reported and left out. */
  List<String> texts(String key) {
    return list(
        key,
        (item, itemPath) -> {
          if (item instanceof String text) {
            return Optional.of(text);
          }
          problems.add(wrongType(document, itemPath, "text", item));
          return Optional.empty();
        });
  }

  /**
   * A sequence whose items the schema leaves untyped but k3d reads as text: any scalar, as written.
   */
  List<String> scalarTexts(String key) {
    return list(
        key,
        (item, itemPath) -> {
          if (item instanceof String || item instanceof Number || item instanceof Boolean) {
            return Optional.of(String.valueOf(item));
          }
          problems.add(wrongType(document, itemPath, "text", item));
          return Optional.empty();
        });
  }

  /** The nested mapping at {@code key}, read by {@code read}. */
  <T> Optional<T> object(
      String key, Set<String> known, Strictness strictness, Function<MappingReader, T> read) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    return of(document, problems, map.get(key), path.key(key), known, strictness).map(read);
  }

  /** The sequence of mappings at {@code key}, each read by {@code read}. */
  <T> List<T> objects(
      String key, Set<String> known, Strictness strictness, Function<MappingReader, T> read) {
    return list(
        key,
        (item, itemPath) -> of(document, problems, item, itemPath, known, strictness).map(read));
  }

  private <T> List<T> list(String key, ItemReader<T> read) {
    if (!map.containsKey(key)) {
      return List.of();
    }
    Object value = map.get(key);
    FieldPath field = path.key(key);
    if (!(value instanceof List<?> items)) {
      problems.add(wrongType(document, field, "a sequence", value));
      return List.of();
    }
    List<T> result = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      read.read(items.get(i), field.index(i)).ifPresent(result::add);
    }
    return List.copyOf(result);
  }

  private <T> Optional<T> field(
      String key, String expected, Function<Object, Optional<T>> convert) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    Object value = map.get(key);
    Optional<T> converted = value == null ? Optional.empty() : convert.apply(value);
    if (converted.isEmpty()) {
      problems.add(wrongType(document, path.key(key), expected, value));
    }
    return converted;
  }

  private static Optional<Long> asLong(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
      return Optional.of(number.longValue());
    }
    return Optional.empty();
  }

  private static ManifestProblem wrongType(
      ManifestDocument document, FieldPath path, String expected, Object found) {
    return ManifestProblem.at(
        document,
        path,
        ProblemKind.WRONG_TYPE,
        "wrong type for " + path + ": expected " + expected + ", found " + describe(found));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing (null)";
    }
    if (value instanceof String text) {
      return "text \"" + text + "\"";
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
    return value instanceof BigInteger || value instanceof Number
        ? "number " + value
        : String.valueOf(value);
  }

  /** Reads one item of a sequence, reporting its own problems. */
  @FunctionalInterface
  private interface ItemReader<T> {
    Optional<T> read(Object item, FieldPath path);
  }
}
