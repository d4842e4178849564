package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.BoolLiteral;
import com.alphintra.infra.hcl.ConditionalExpr;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.NumberLiteral;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.ObjectItem;
import com.alphintra.infra.hcl.ParenthesesExpr;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateInterpolation;
import com.alphintra.infra.hcl.TemplateLiteral;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.hcl.TupleExpr;
import com.alphintra.infra.hcl.UnaryExpr;
import com.alphintra.infra.hcl.UnaryOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a Terraform directory is evaluated with in one place it is used: an environment, or a module as
 * an environment calls it, or a module on its own defaults. Evaluates what is statically known (literals,
 * {@code var.*}, {@code local.*}, strings, lists, objects, {@code !}, conditionals with a known condition) and
 * gives empty for everything else, which keeps rules silent.
 *
 * <p>Values are {@link Boolean}, {@link BigDecimal}, {@link String}, {@code List<Object>} and
 * {@code Map<String, Object>}; {@code null} is treated as unknown.
 *
 * @param name where the values come from: an environment name ({@code dev}) or {@code defaults}
 * @param variables the known values of the directory's input variables
 * @param locals the directory's {@code locals}, evaluated on demand
 */
public record EvaluationContext(String name, Map<String, Object> variables, Map<String, Expression> locals) {

  private static final int MAX_DEPTH = 32;

  public EvaluationContext {
    variables = Map.copyOf(variables);
    locals = Map.copyOf(locals);
  }

  public Optional<Object> value(Expression expression) {
    return Optional.ofNullable(evaluate(expression, 0));
  }

  public Optional<Boolean> bool(Expression expression) {
    return value(expression).filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  public Optional<String> string(Expression expression) {
    return value(expression).map(value -> value instanceof BigDecimal number ? number.toPlainString()
        : value instanceof String || value instanceof Boolean ? value.toString() : null);
  }

  private Object evaluate(Expression expression, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (expression instanceof BoolLiteral bool) {
      return bool.value();
    }
    if (expression instanceof NumberLiteral number) {
      return number.value().orElse(null);
    }
    if (expression instanceof TemplateExpr template) {
      return template(template, depth);
    }
    if (expression instanceof ParenthesesExpr parentheses) {
      return evaluate(parentheses.inner(), depth + 1);
    }
    if (expression instanceof UnaryExpr unary) {
      Object operand = evaluate(unary.operand(), depth + 1);
      if (unary.operator() == UnaryOperator.NOT) {
        return operand instanceof Boolean bool ? !bool : null;
      }
      return operand instanceof BigDecimal number ? number.negate() : null;
    }
    if (expression instanceof ConditionalExpr conditional) {
      Object condition = evaluate(conditional.condition(), depth + 1);
      return condition instanceof Boolean bool
          ? evaluate(bool ? conditional.whenTrue() : conditional.whenFalse(), depth + 1) : null;
    }
    if (expression instanceof TupleExpr tuple) {
      List<Object> values = new ArrayList<>();
      for (Expression element : tuple.elements()) {
        Object value = evaluate(element, depth + 1);
        if (value == null) {
          return null;
        }
        values.add(value);
      }
      return List.copyOf(values);
    }
    if (expression instanceof ObjectExpr object) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (ObjectItem item : object.items()) {
        Optional<String> key = item.keyName();
        Object value = evaluate(item.value(), depth + 1);
        if (key.isEmpty() || value == null) {
          return null;
        }
        values.put(key.get(), value);
      }
      return java.util.Collections.unmodifiableMap(values);
    }
    return expression.asTraversal().map(traversal -> reference(traversal, depth)).orElse(null);
  }

  private Object reference(ScopeTraversal traversal, int depth) {
    Optional<String> first = traversal.attribute(0);
    if (first.isEmpty()) {
      return null;
    }
    Object value;
    if (traversal.root().equals("var")) {
      value = variables.get(first.get());
    } else if (traversal.root().equals("local") && locals.containsKey(first.get())) {
      value = evaluate(locals.get(first.get()), depth + 1);
    } else {
      return null;
    }
    for (int step = 1; step < traversal.steps().size() && value != null; step++) {
      Optional<String> attribute = traversal.attribute(step);
      value = attribute.isPresent() && value instanceof Map<?, ?> map ? map.get(attribute.get()) : null;
    }
    return value;
  }

  private Object template(TemplateExpr template, int depth) {
    Optional<Expression> unwrapped = template.unwrapped();
    if (unwrapped.isPresent()) {
      return evaluate(unwrapped.get(), depth + 1);
    }
    StringBuilder text = new StringBuilder();
    for (TemplatePart part : template.parts()) {
      if (part instanceof TemplateLiteral literal) {
        text.append(literal.value());
      } else if (part instanceof TemplateInterpolation interpolation) {
        Object value = evaluate(interpolation.expression(), depth + 1);
        if (value instanceof String || value instanceof Boolean) {
          text.append(value);
        } else if (value instanceof BigDecimal number) {
          text.append(number.toPlainString());
        } else {
          return null;
        }
      } else {
        return null;
      }
    }
    return text.toString();
  }
}
