package com.alphintra.infra.terraform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A statically known Terraform value, or {@link UnknownValue} where the value depends on something
 * only known at apply time (a resource attribute, a data source) or on something this evaluator
 * does not model.
 *
 * <p>Lists, tuples and sets are all {@link ListValue}s; maps and objects are {@link MapValue}s.
 */
public sealed interface Value
    permits StringValue, NumberValue, BoolValue, NullValue, ListValue, MapValue, UnknownValue {

  static Value of(String value) {
    return new StringValue(value);
  }

  static Value of(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  static Value of(BigDecimal value) {
    return new NumberValue(value);
  }

  static Value of(boolean value) {
    return new BoolValue(value);
  }

  static Value list(List<Value> elements) {
    return new ListValue(elements);
  }

  static Value map(Map<String, Value> entries) {
    return new MapValue(entries);
  }

  static Value nullValue() {
    return new NullValue();
  }

  static Value unknown() {
    return new UnknownValue();
  }

  /** {@code false} only for {@link UnknownValue} itself; a list may still hold unknown elements. */
  default boolean isKnown() {
    return true;
  }

  /** {@code true} when neither this value nor anything inside it is unknown. */
  default boolean isWhollyKnown() {
    return isKnown();
  }
}
