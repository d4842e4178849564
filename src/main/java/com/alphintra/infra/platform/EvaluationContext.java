package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.terraform.BoolValue;
import com.alphintra.infra.terraform.ListValue;
import com.alphintra.infra.terraform.MapValue;
import com.alphintra.infra.terraform.ModuleInstance;
import com.alphintra.infra.terraform.NullValue;
import com.alphintra.infra.terraform.NumberValue;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.Value;
import com.alphintra.infra.terraform.Variable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place a Terraform directory is evaluated: an environment, a module as an environment calls
 * it, or a module on its own defaults. Evaluation is the terraform package's static evaluator
 * ({@link ModuleInstance}); this adds a short name for messages and plain Java values for rules.
 *
 * <p>Values are {@link Boolean}, {@link BigDecimal}, {@link String}, {@code List<Object>} and
 * {@code Map<String, Object>}; anything not wholly known statically (and {@code null}) is empty,
 * which keeps rules silent.
 *
 * @param name where the values come from: an environment name ({@code dev}), or {@code defaults}
 * @param instance the module instance that evaluates
 */
public record EvaluationContext(String name, ModuleInstance instance) {

  private static final int MAX_ORIGIN_DEPTH = 32;

  public Optional<Object> value(Expression expression) {
    Value value = instance.evaluate(expression);
    return value.isWhollyKnown() ? Optional.ofNullable(plain(value)) : Optional.empty();
  }

  /**
   * Where the value of {@code expression} is written: a {@code var.x} reference (with attribute
   * steps) is followed to the module call argument, tfvars entry or variable default that sets it,
   * and into object literals by the steps; anything else is its own origin. The tightest line for a
   * finding about a value.
   */
  public Range origin(Expression expression) {
    return origin(instance, expression, List.of(), 0);
  }

  private static Range origin(
      ModuleInstance at, Expression expression, List<String> pending, int depth) {
    if (depth > MAX_ORIGIN_DEPTH) {
      return expression.range();
    }
    if (expression instanceof ObjectExpr object && !pending.isEmpty()) {
      Optional<Expression> item = object.get(pending.get(0));
      return item.isPresent()
          ? origin(at, item.get(), pending.subList(1, pending.size()), depth + 1)
          : expression.range();
    }
    Optional<ScopeTraversal> traversal = expression.asTraversal();
    if (traversal.isEmpty()
        || !traversal.get().root().equals("var")
        || traversal.get().attribute(0).isEmpty()) {
      return expression.range();
    }
    String name = traversal.get().attribute(0).get();
    List<String> steps = new ArrayList<>();
    for (int index = 1; index < traversal.get().steps().size(); index++) {
      Optional<String> step = traversal.get().attribute(index);
      if (step.isEmpty()) {
        return expression.range();
      }
      steps.add(step.get());
    }
    steps.addAll(pending);
    Optional<Attribute> argument =
        at.call().flatMap(call -> Optional.ofNullable(call.arguments().get(name)));
    Optional<Variable> declared = at.module().variable(name);
    boolean nullMeansDefault =
        declared.filter(v -> !v.nullable() && v.defaultValue().isPresent()).isPresent();
    if (argument.isPresent()
        && !(nullMeansDefault
            && at.caller().orElseThrow().evaluate(argument.get().value()) instanceof NullValue)) {
      return origin(at.caller().orElseThrow(), argument.get().value(), steps, depth + 1);
    }
    Optional<Attribute> tfvar =
        at.call().isEmpty()
            ? Optional.ofNullable(at.module().tfvars().get(name))
            : Optional.empty();
    if (tfvar.isPresent()) {
      return origin(at, tfvar.get().value(), steps, depth + 1);
    }
    Optional<Expression> fallback = declared.flatMap(Variable::defaultValue);
    return fallback.isPresent() ? origin(at, fallback.get(), steps, depth + 1) : expression.range();
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
