package com.alphintra.infra.terraform;

import static com.alphintra.infra.terraform.Conversions.asBool;
import static com.alphintra.infra.terraform.Conversions.asInt;
import static com.alphintra.infra.terraform.Conversions.asNumber;
import static com.alphintra.infra.terraform.Conversions.asString;

import com.alphintra.infra.hcl.BinaryExpr;
import com.alphintra.infra.hcl.BinaryOperator;
import com.alphintra.infra.hcl.BoolLiteral;
import com.alphintra.infra.hcl.ConditionalExpr;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.ForExpr;
import com.alphintra.infra.hcl.FunctionCallExpr;
import com.alphintra.infra.hcl.GetAttrExpr;
import com.alphintra.infra.hcl.IndexExpr;
import com.alphintra.infra.hcl.NullLiteral;
import com.alphintra.infra.hcl.NumberLiteral;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.ObjectItem;
import com.alphintra.infra.hcl.ParenthesesExpr;
import com.alphintra.infra.hcl.SplatExpr;
import com.alphintra.infra.hcl.SplatItemExpr;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateFor;
import com.alphintra.infra.hcl.TemplateIf;
import com.alphintra.infra.hcl.TemplateInterpolation;
import com.alphintra.infra.hcl.TemplateLiteral;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.hcl.TupleExpr;
import com.alphintra.infra.hcl.UnaryExpr;
import com.alphintra.infra.hcl.UnaryOperator;
import com.alphintra.infra.hcl.VariableExpr;
import java.math.MathContext;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates expressions statically, as far as their values can be known without running Terraform.
 *
 * <p>Knows literals, templates, operators, conditionals, collections, index and attribute access,
 * splats, {@code for} expressions, {@code var.*}, {@code local.*} and {@code module.*} (through a
 * {@link ModuleInstance}), and the functions of {@link FunctionLibrary} plus {@code try} and {@code
 * can}. Everything else (resource and data source attributes, {@code each}, {@code count}, {@code
 * path}, unknown functions) is {@link UnknownValue}, and unknown spreads through every operator and
 * function that meets it. It never throws: an expression that would fail in Terraform evaluates to
 * unknown as well.
 */
public final class Evaluator {

  /**
   * Bounds recursion through expressions and chains of locals; real configurations stay far below
   * it.
   */
  static final int MAX_DEPTH = 200;

  private static final String SPLAT_ITEM = "*";
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private final Optional<ModuleInstance> instance;

  private Evaluator(Optional<ModuleInstance> instance) {
    this.instance = instance;
  }

  /** An evaluator without variables: only self-contained expressions are known. */
  public static Evaluator withoutContext() {
    return new Evaluator(Optional.empty());
  }

  /** An evaluator resolving {@code var}, {@code local} and {@code module} in the given instance. */
  public static Evaluator in(ModuleInstance instance) {
    return new Evaluator(Optional.of(instance));
  }

  public Value evaluate(Expression expression) {
    return evaluate(expression, Map.of());
  }

  /**
   * Evaluates with extra names in scope, such as {@code count} (an object with {@code index}) or
   * {@code each} (with {@code key} and {@code value}) for one instance of a repeated resource.
   */
  public Value evaluate(Expression expression, Map<String, Value> symbols) {
    return evaluate(expression, symbols, 0);
  }

  Value evaluate(Expression expression, Map<String, Value> symbols, int depth) {
    try {
      return eval(expression, new Scope(Map.copyOf(symbols), depth));
    } catch (RuntimeException e) {
      // The boundary promise: whatever went wrong (a Terraform error, an unforeseen corner), the
      // value is simply not known statically and a rule stays silent.
      return Value.unknown();
    }
  }

  /** The names visible to an expression and how deep the evaluation already is. */
  private record Scope(Map<String, Value> symbols, int depth) {

    Scope deeper() {
      return new Scope(symbols, depth + 1);
    }

    Scope with(String name, Value value) {
      Map<String, Value> more = new HashMap<>(symbols);
      more.put(name, value);
      return new Scope(more, depth);
    }
  }

  /**
   * The value of {@code expression}, with its origin: a value read through a reference keeps the
   * origin it was made with, anything made here (a literal, an operation, a function's new value)
   * gets this expression's range.
   */
  private Value eval(Expression expression, Scope outer) {
    Value value = evalWithoutOrigin(expression, outer);
    return value.origin().isPresent() ? value : value.withOrigin(expression.range());
  }

  private Value evalWithoutOrigin(Expression expression, Scope outer) {
    if (outer.depth() > MAX_DEPTH) {
      return Value.unknown();
    }
    Scope scope = outer.deeper();
    if (expression instanceof NumberLiteral number) {
      return Value.of(
          number.value().orElseThrow(() -> new EvaluationException("number out of range")));
    }
    if (expression instanceof BoolLiteral bool) {
      return Value.of(bool.value());
    }
    if (expression instanceof NullLiteral) {
      return Value.nullValue();
    }
    if (expression instanceof TemplateExpr template) {
      return template(template, scope);
    }
    if (expression instanceof VariableExpr variable) {
      return scope.symbols().getOrDefault(variable.name(), Value.unknown());
    }
    if (expression instanceof SplatItemExpr) {
      return scope.symbols().getOrDefault(SPLAT_ITEM, Value.unknown());
    }
    if (expression instanceof ParenthesesExpr parentheses) {
      return eval(parentheses.inner(), scope);
    }
    if (expression instanceof TupleExpr tuple) {
      return Value.list(tuple.elements().stream().map(e -> eval(e, scope)).toList());
    }
    if (expression instanceof ObjectExpr object) {
      return object(object, scope);
    }
    if (expression instanceof GetAttrExpr get) {
      return getAttr(get, scope);
    }
    if (expression instanceof IndexExpr index) {
      return index(eval(index.collection(), scope), eval(index.key(), scope));
    }
    if (expression instanceof SplatExpr splat) {
      return splat(splat, scope);
    }
    if (expression instanceof ForExpr forExpr) {
      return forExpression(forExpr, scope);
    }
    if (expression instanceof ConditionalExpr conditional) {
      Value condition = eval(conditional.condition(), scope);
      if (!condition.isKnown()) {
        return Value.unknown();
      }
      return eval(asBool(condition) ? conditional.whenTrue() : conditional.whenFalse(), scope);
    }
    if (expression instanceof UnaryExpr unary) {
      return unary(unary, scope);
    }
    if (expression instanceof BinaryExpr binary) {
      return binary(binary, scope);
    }
    if (expression instanceof FunctionCallExpr call) {
      return call(call, scope);
    }
    return Value.unknown();
  }

  private Value template(TemplateExpr template, Scope scope) {
    Optional<Expression> unwrapped = template.unwrapped();
    if (unwrapped.isPresent()) {
      return eval(unwrapped.get(), scope);
    }
    StringBuilder out = new StringBuilder();
    return render(template.parts(), scope, out) ? Value.of(out.toString()) : Value.unknown();
  }

  /** Appends the rendered parts; {@code false} when a part is unknown. */
  private boolean render(List<TemplatePart> parts, Scope scope, StringBuilder out) {
    for (TemplatePart part : parts) {
      if (part instanceof TemplateLiteral literal) {
        out.append(literal.value());
      } else if (part instanceof TemplateInterpolation interpolation) {
        Value value = eval(interpolation.expression(), scope);
        if (!value.isKnown()) {
          return false;
        }
        if (value instanceof NullValue) {
          throw new EvaluationException("cannot include null in a string template");
        }
        out.append(asString(value));
      } else if (part instanceof TemplateIf branch) {
        Value condition = eval(branch.condition(), scope);
        if (!condition.isKnown()
            || !render(asBool(condition) ? branch.whenTrue() : branch.whenFalse(), scope, out)) {
          return false;
        }
      } else if (part instanceof TemplateFor loop) {
        Value collection = eval(loop.collection(), scope);
        if (!collection.isKnown()) {
          return false;
        }
        for (Map.Entry<Value, Value> entry : entries(collection)) {
          Scope inner = bind(scope, loop.keyVariable(), loop.valueVariable(), entry);
          if (!render(loop.body(), inner, out)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private Value object(ObjectExpr object, Scope scope) {
    Map<String, Value> entries = new LinkedHashMap<>();
    for (ObjectItem item : object.items()) {
      Optional<String> name = item.keyName();
      String key;
      if (name.isPresent()) {
        key = name.get();
      } else {
        Value keyValue = eval(item.key(), scope);
        if (!keyValue.isKnown()) {
          return Value.unknown();
        }
        key = asString(keyValue);
      }
      entries.put(key, eval(item.value(), scope));
    }
    return Value.map(entries);
  }

  private Value getAttr(GetAttrExpr get, Scope scope) {
    if (get.object() instanceof VariableExpr root
        && !scope.symbols().containsKey(root.name())
        && instance.isPresent()) {
      ModuleInstance module = instance.get();
      switch (root.name()) {
        case "var" -> {
          return module.variable(get.name(), scope.depth());
        }
        case "local" -> {
          return module.local(get.name(), scope.depth());
        }
        case "module" -> {
          return module.moduleOutputs(get.name(), scope.depth());
        }
        default -> {}
      }
    }
    return attribute(eval(get.object(), scope), get.name());
  }

  private static Value attribute(Value object, String name) {
    if (!object.isKnown()) {
      return Value.unknown();
    }
    if (object instanceof MapValue map) {
      return map.get(name)
          .orElseThrow(() -> new EvaluationException("no attribute \"" + name + "\""));
    }
    throw new EvaluationException(
        "cannot read attribute \"" + name + "\" of a " + Conversions.typeName(object));
  }

  private static Value index(Value collection, Value key) {
    if (!collection.isKnown() || !key.isKnown()) {
      return Value.unknown();
    }
    if (collection instanceof ListValue list) {
      int i = asInt(key);
      if (i < 0 || i >= list.elements().size()) {
        throw new EvaluationException("index " + i + " out of range");
      }
      return list.elements().get(i);
    }
    if (collection instanceof MapValue map) {
      String name = asString(key);
      return map.get(name).orElseThrow(() -> new EvaluationException("no key \"" + name + "\""));
    }
    throw new EvaluationException("cannot index a " + Conversions.typeName(collection));
  }

  private Value splat(SplatExpr splat, Scope scope) {
    Value source = eval(splat.source(), scope);
    if (!source.isKnown()) {
      return Value.unknown();
    }
    if (source instanceof NullValue) {
      return Value.list(List.of());
    }
    List<Value> elements = source instanceof ListValue list ? list.elements() : List.of(source);
    return Value.list(
        elements.stream().map(e -> eval(splat.each(), scope.with(SPLAT_ITEM, e))).toList());
  }

  private Value forExpression(ForExpr forExpr, Scope scope) {
    Value collection = eval(forExpr.collection(), scope);
    if (!collection.isKnown()) {
      return Value.unknown();
    }
    List<Value> tuple = new ArrayList<>();
    Map<String, Value> object = new LinkedHashMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> entry : entries(collection)) {
      Scope inner = bind(scope, forExpr.keyVariable(), forExpr.valueVariable(), entry);
      if (forExpr.condition().isPresent()) {
        Value keep = eval(forExpr.condition().get(), inner);
        if (!keep.isKnown()) {
          return Value.unknown();
        }
        if (!asBool(keep)) {
          continue;
        }
      }
      if (forExpr.keyExpression().isEmpty()) {
        tuple.add(eval(forExpr.valueExpression(), inner));
        continue;
      }
      Value key = eval(forExpr.keyExpression().get(), inner);
      if (!key.isKnown()) {
        return Value.unknown();
      }
      String name = asString(key);
      Value value = eval(forExpr.valueExpression(), inner);
      if (forExpr.grouping()) {
        groups.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (object.putIfAbsent(name, value) != null) {
        throw new EvaluationException("duplicate key \"" + name + "\" in a for expression");
      }
    }
    if (forExpr.keyExpression().isEmpty()) {
      return Value.list(tuple);
    }
    if (forExpr.grouping()) {
      groups.forEach((name, values) -> object.put(name, Value.list(values)));
    }
    return Value.map(object);
  }

  private static List<Map.Entry<Value, Value>> entries(Value collection) {
    List<Map.Entry<Value, Value>> entries = new ArrayList<>();
    if (collection instanceof ListValue list) {
      for (int i = 0; i < list.elements().size(); i++) {
        entries.add(new SimpleEntry<>(Value.of(i), list.elements().get(i)));
      }
    } else if (collection instanceof MapValue map) {
      map.entries().forEach((k, v) -> entries.add(new SimpleEntry<>(Value.of(k), v)));
    } else {
      throw new EvaluationException("cannot iterate over a " + Conversions.typeName(collection));
    }
    return entries;
  }

  private static Scope bind(
      Scope scope,
      Optional<String> keyVariable,
      String valueVariable,
      Map.Entry<Value, Value> entry) {
    Scope bound = scope.with(valueVariable, entry.getValue());
    return keyVariable.map(k -> bound.with(k, entry.getKey())).orElse(bound);
  }

  private Value unary(UnaryExpr unary, Scope scope) {
    Value operand = eval(unary.operand(), scope);
    if (!operand.isKnown()) {
      return Value.unknown();
    }
    return unary.operator() == UnaryOperator.NEGATE
        ? Value.of(asNumber(operand).negate())
        : Value.of(!asBool(operand));
  }

  private Value binary(BinaryExpr binary, Scope scope) {
    Value left = eval(binary.left(), scope);
    Value right = eval(binary.right(), scope);
    switch (binary.operator()) {
      case EQUAL, NOT_EQUAL -> {
        if (!left.isWhollyKnown() || !right.isWhollyKnown()) {
          return Value.unknown();
        }
        return Value.of(left.equals(right) == (binary.operator() == BinaryOperator.EQUAL));
      }
      default -> {
        if (!left.isKnown() || !right.isKnown()) {
          return Value.unknown();
        }
      }
    }
    return switch (binary.operator()) {
      case AND -> Value.of(asBool(left) && asBool(right));
      case OR -> Value.of(asBool(left) || asBool(right));
      case LESS -> Value.of(asNumber(left).compareTo(asNumber(right)) < 0);
      case GREATER -> Value.of(asNumber(left).compareTo(asNumber(right)) > 0);
      case LESS_OR_EQUAL -> Value.of(asNumber(left).compareTo(asNumber(right)) <= 0);
      case GREATER_OR_EQUAL -> Value.of(asNumber(left).compareTo(asNumber(right)) >= 0);
      case ADD -> Value.of(asNumber(left).add(asNumber(right), PRECISION));
      case SUBTRACT -> Value.of(asNumber(left).subtract(asNumber(right), PRECISION));
      case MULTIPLY -> Value.of(asNumber(left).multiply(asNumber(right), PRECISION));
      case DIVIDE -> Value.of(asNumber(left).divide(asNumber(right), PRECISION));
      case MODULO -> Value.of(asNumber(left).remainder(asNumber(right), PRECISION));
      default -> throw new IllegalStateException(binary.operator().name());
    };
  }

  private Value call(FunctionCallExpr call, Scope scope) {
    switch (call.name()) {
      case "try" -> {
        return tryEach(call.arguments(), scope);
      }
      case "can" -> {
        return can(call.arguments(), scope);
      }
      default -> {}
    }
    Optional<Function<List<Value>, Value>> function = FunctionLibrary.find(call.name());
    if (function.isEmpty()) {
      return Value.unknown();
    }
    List<Value> arguments =
        new ArrayList<>(call.arguments().stream().map(a -> eval(a, scope)).toList());
    if (call.expandFinal() && !arguments.isEmpty()) {
      Value last = arguments.remove(arguments.size() - 1);
      if (!last.isKnown()) {
        return Value.unknown();
      }
      arguments.addAll(Conversions.asList(last));
    }
    boolean shapeOnly = FunctionLibrary.acceptsPartlyKnownArguments(call.name());
    if (!arguments.stream().allMatch(shapeOnly ? Value::isKnown : Value::isWhollyKnown)) {
      return Value.unknown();
    }
    return function.get().apply(arguments);
  }

  /**
   * The first argument that evaluates without error; an unknown one makes the whole result unknown.
   */
  private Value tryEach(List<Expression> arguments, Scope scope) {
    for (Expression argument : arguments) {
      try {
        return eval(argument, scope);
      } catch (RuntimeException e) {
        // This alternative fails in Terraform too: try the next one, as try() does.
      }
    }
    throw new EvaluationException("no argument of try() succeeded");
  }

  private Value can(List<Expression> arguments, Scope scope) {
    if (arguments.size() != 1) {
      throw new EvaluationException("can takes one argument");
    }
    try {
      return eval(arguments.get(0), scope).isWhollyKnown() ? Value.of(true) : Value.unknown();
    } catch (RuntimeException e) {
      return Value.of(false);
    }
  }
}
