package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.hcl.ScopeTraversal;
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

  public Optional<Object> value(Expression expression) {
    return plain(instance.evaluate(expression));
  }

  /**
   * Where the value of {@code expression} is written: the origin its value carries (the module call
   * argument, tfvars entry, variable default or literal that sets it, followed through variables,
   * locals, outputs and into collections), else the expression itself. The tightest line for a
   * finding about a value.
   */
  public Range origin(Expression expression) {
    return origin(expression, Map.of());
  }

  /** As {@link #origin(Expression)}, with extra names in scope (a dynamic block's iterator). */
  public Range origin(Expression expression, Map<String, Value> symbols) {
    return instance.evaluate(expression, symbols).origin().orElse(expression.range());
  }

  /** As {@link #value(Expression)}, with extra names in scope (a dynamic block's iterator). */
  public Optional<Object> value(Expression expression, Map<String, Value> symbols) {
    return plain(instance.evaluate(expression, symbols));
  }

  /**
   * The nested blocks of {@code type} in {@code body} as Terraform generates them: those written
   * out, then one per element of each {@code dynamic "type"} block's {@code for_each} (a map by
   * key, a list or set by element). Empty when a {@code for_each} is not known statically.
   */
  public Optional<List<GeneratedBlock>> blocks(Body body, String type) {
    List<GeneratedBlock> blocks = new ArrayList<>();
    for (Block block : body.blocks(type)) {
      blocks.add(new GeneratedBlock(block.body(), Map.of(), block.range()));
    }
    for (Block dynamic : body.blocks("dynamic")) {
      if (!dynamic.labelValues().equals(List.of(type))) {
        continue;
      }
      Optional<Attribute> forEach = dynamic.body().attribute("for_each");
      List<Block> content = dynamic.body().blocks("content");
      if (forEach.isEmpty() || content.isEmpty()) {
        return Optional.empty();
      }
      String iterator =
          dynamic
              .body()
              .attribute("iterator")
              .flatMap(attribute -> attribute.value().asTraversal())
              .map(ScopeTraversal::root)
              .orElse(type);
      Value elements = instance.evaluate(forEach.get().value());
      Map<Value, Value> pairs = new LinkedHashMap<>();
      if (elements instanceof MapValue map) {
        map.entries().forEach((key, value) -> pairs.put(Value.of(key), value));
      } else if (elements instanceof ListValue list && list.isWhollyKnown()) {
        for (int index = 0; index < list.elements().size(); index++) {
          // A set's key is its element; a list's is its index. Rules read only the value here.
          pairs.put(list.elements().get(index), list.elements().get(index));
        }
      } else {
        return Optional.empty();
      }
      pairs.forEach(
          (key, value) ->
              blocks.add(
                  new GeneratedBlock(
                      content.get(0).body(),
                      Map.of(iterator, Value.map(Map.of("key", key, "value", value))),
                      dynamic.range())));
    }
    return Optional.of(List.copyOf(blocks));
  }

  public Optional<Boolean> bool(Expression expression) {
    return value(expression).filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  public Optional<String> string(Expression expression) {
    return value(expression).filter(String.class::isInstance).map(String.class::cast);
  }

  /** {@code value} as plain Java, when it is wholly known and not null. */
  static Optional<Object> plain(Value value) {
    return value.isWhollyKnown() ? Optional.ofNullable(toJava(value)) : Optional.empty();
  }

  private static Object toJava(Value value) {
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
        Object plain = toJava(element);
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
        Object plain = toJava(entry.getValue());
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
