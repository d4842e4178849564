package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statically known Terraform value, or {@link UnknownValue} where the value depends on something
 * only known at apply time (a resource attribute, a data source) or on something this evaluator
 * does not model.
 *
 * <p>Lists, tuples and sets are all {@link ListValue}s; maps and objects are {@link MapValue}s.
 *
 * <p>A value the evaluator produced carries its origin: the expression that made it, which for a
 * value passed through variables, locals, module calls and outputs is the literal (or the operation
 * or function call) where it was written, not the reference that read it. Each element of a
 * collection carries its own. The origin is not part of the value: two values are equal when
 * Terraform would say so, wherever they were written.
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

  /**
   * Where this value was written: the literal, operation or function call whose evaluation made it;
   * empty for a value made outside an expression ({@code count.index}, a test's value).
   */
  Optional<Range> origin();

  /** This value with the given origin; an unknown value has none and stays as it is. */
  Value withOrigin(Range origin);

  /** {@code false} only for {@link UnknownValue} itself; a list may still hold unknown elements. */
  default boolean isKnown() {
    return true;
  }

  /** {@code true} when neither this value nor anything inside it is unknown. */
  default boolean isWhollyKnown() {
    return isKnown();
  }
}
