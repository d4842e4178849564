package com.alphintra.infra.terraform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Terraform's automatic conversions between primitive types, as functions and operators apply them.
 */
final class Conversions {

  private Conversions() {}

  static String asString(Value value) {
    if (value instanceof StringValue s) {
      return s.value();
    }
    if (value instanceof NumberValue n) {
      return n.format();
    }
    if (value instanceof BoolValue b) {
      return Boolean.toString(b.value());
    }
    throw new EvaluationException("a string is required, not " + typeName(value));
  }

  static BigDecimal asNumber(Value value) {
    if (value instanceof NumberValue n) {
      return n.value();
    }
    if (value instanceof StringValue s) {
      try {
        return new BigDecimal(s.value().strip());
      } catch (NumberFormatException e) {
        throw new EvaluationException("\"" + s.value() + "\" is not a number");
      }
    }
    throw new EvaluationException("a number is required, not " + typeName(value));
  }

  static int asInt(Value value) {
    try {
      return asNumber(value).intValueExact();
    } catch (ArithmeticException e) {
      throw new EvaluationException("a whole number is required");
    }
  }

  static boolean asBool(Value value) {
    if (value instanceof BoolValue b) {
      return b.value();
    }
    if (value instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))) {
      return Boolean.parseBoolean(s.value());
    }
    throw new EvaluationException("a bool is required, not " + typeName(value));
  }

  static List<Value> asList(Value value) {
    if (value instanceof ListValue list) {
      return list.elements();
    }
    throw new EvaluationException("a list is required, not " + typeName(value));
  }

  static Map<String, Value> asMap(Value value) {
    if (value instanceof MapValue map) {
      return map.entries();
    }
    throw new EvaluationException("a map is required, not " + typeName(value));
  }

  static String typeName(Value value) {
    return value.getClass().getSimpleName().replace("Value", "").toLowerCase(java.util.Locale.ROOT);
  }
}
