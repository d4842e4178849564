package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.terraform.BoolValue;
import com.alphintra.infra.terraform.ListValue;
import com.alphintra.infra.terraform.MapValue;
import com.alphintra.infra.terraform.ModuleInstance;
import com.alphintra.infra.terraform.NumberValue;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place a Terraform directory is evaluated: an environment, a module as an environment calls it, or a
 * module on its own defaults. Evaluation is the terraform package's static evaluator
 * ({@link ModuleInstance}); this adds a short name for messages and plain Java values for rules.
 *
 * <p>Values are {@link Boolean}, {@link BigDecimal}, {@link String}, {@code List<Object>} and
 * {@code Map<String, Object>}; anything not wholly known statically (and {@code null}) is empty, which keeps
 * rules silent.
 *
 * @param name where the values come from: an environment name ({@code dev}), or {@code defaults}
 * @param instance the module instance that evaluates
 */
public record EvaluationContext(String name, ModuleInstance instance) {

  public Optional<Object> value(Expression expression) {
    Value value = instance.evaluate(expression);
    return value.isWhollyKnown() ? Optional.ofNullable(plain(value)) : Optional.empty();
  }

  public Optional<Boolean> bool(Expression expression) {
    return value(expression).filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  public Optional<String> string(Expression expression) {
    return value(expression).filter(String.class::isInstance).map(String.class::cast);
  }

  private static Object plain(Value value) {
    if (value instanceof BoolValue bool) {
      return bool.value();
    }
    if (value instanceof NumberValue number) {
      return number.value();
    }
    if (value instanceof StringValue string) {
      return string.value();
    }
    if (value instanceof ListValue list) {
      List<Object> elements = new ArrayList<>();
      for (Value element : list.elements()) {
        Object plain = plain(element);
        if (plain == null) {
          return null;
        }
        elements.add(plain);
      }
      return List.copyOf(elements);
    }
    if (value instanceof MapValue map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
        Object plain = plain(entry.getValue());
        if (plain == null) {
          return null;
        }
        entries.put(entry.getKey(), plain);
      }
      return Collections.unmodifiableMap(entries);
    }
    return null;
  }
}
