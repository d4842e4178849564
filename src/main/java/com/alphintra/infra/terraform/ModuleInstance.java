package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Expression;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A module directory together with the variable values it gets on one path from a root module: the
 * root itself (values from its tfvars, else defaults), or a module called from it ({@code
 * environments/dev > module.gke}: the call's arguments, evaluated in the caller). A module no root
 * calls is evaluated with its defaults.
 *
 * <p>Values are computed on demand and remembered, so an instance is cheap to ask many questions
 * of; it is not meant to be shared between threads.
 */
public final class ModuleInstance {

  /** Deeper call chains than this are treated as recursion (a module that calls itself). */
  static final int MAX_CALL_DEPTH = 16;

  /** A larger count is a mistake or a generated value; enumerating it would only burn memory. */
  static final int MAX_REPETITIONS = 10_000;

  private final TerraformProject project;
  private final TerraformModule module;
  private final Optional<ModuleInstance> caller;
  private final Optional<ModuleCall> call;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, Optional<ModuleInstance>> children = new HashMap<>();

  ModuleInstance(
      TerraformProject project,
      TerraformModule module,
      Optional<ModuleInstance> caller,
      Optional<ModuleCall> call) {
    this.project = project;
    this.module = module;
    this.caller = caller;
    this.call = call;
  }

  public TerraformModule module() {
    return module;
  }

  /** The instance whose module call created this one; empty for a root. */
  public Optional<ModuleInstance> caller() {
    return caller;
  }

  /** The module call that created this instance; empty for a root. */
  public Optional<ModuleCall> call() {
    return call;
  }

  /** The directory of the root module this instance was reached from. */
  public Path rootDirectory() {
    return caller.map(ModuleInstance::rootDirectory).orElse(module.directory());
  }

  /** {@code ["module.gke"]} for a module called from a root; empty for the root itself. */
  public List<String> callPath() {
    List<String> path = new ArrayList<>(caller.map(ModuleInstance::callPath).orElse(List.of()));
    call.ifPresent(c -> path.add("module." + c.name()));
    return List.copyOf(path);
  }

  /** {@code environments/dev > module.gke}, relative to the project root. */
  public String describe() {
    Path root = project.root().relativize(rootDirectory());
    List<String> parts =
        new ArrayList<>(List.of(root.toString().isEmpty() ? "." : root.toString()));
    parts.addAll(callPath());
    return String.join(" > ", parts);
  }

  /**
   * The instance of the module called {@code name} from this one, if its source is a local
   * directory.
   */
  public Optional<ModuleInstance> child(String name) {
    Optional<ModuleInstance> known = children.get(name);
    if (known != null) {
      return known;
    }
    Optional<ModuleInstance> child =
        module
            .moduleCall(name)
            .filter(c -> callPath().size() < MAX_CALL_DEPTH)
            .flatMap(
                c ->
                    project
                        .calledModule(c)
                        .map(
                            m ->
                                new ModuleInstance(project, m, Optional.of(this), Optional.of(c))));
    children.put(name, child);
    return child;
  }

  /** Instances of every module called from this one, in the order of the calls. */
  public List<ModuleInstance> children() {
    return module.moduleCalls().stream()
        .map(c -> child(c.name()))
        .flatMap(Optional::stream)
        .toList();
  }

  public Value evaluate(Expression expression) {
    return Evaluator.in(this).evaluate(expression);
  }

  /**
   * Evaluates with extra names in scope, such as {@code each} or {@code count}; see {@link
   * Evaluator}.
   */
  public Value evaluate(Expression expression, Map<String, Value> symbols) {
    return Evaluator.in(this).evaluate(expression, symbols);
  }

  /** The value of {@code var.name} in this instance. */
  public Value variable(String name) {
    return variable(name, 0);
  }

  /** The value of {@code local.name} in this instance. */
  public Value local(String name) {
    return local(name, 0);
  }

  /** The value of the output {@code name} of this instance. */
  public Value output(String name) {
    return output(name, 0);
  }

  /**
   * The names each instance of a resource sees, to pass to {@link #evaluate(Expression, Map)}: one
   * empty map for a plain resource, {@code count.index} per index for a known {@code count}, {@code
   * each.key} and {@code each.value} per element for a known {@code for_each}. Empty when the
   * repetition is not known statically, so a caller cannot mistake "unknown" for "no instances".
   */
  public Optional<List<Map<String, Value>>> instanceSymbols(Resource resource) {
    if (resource.count().isPresent()) {
      Value count = evaluate(resource.count().get());
      if (!(count instanceof NumberValue number)
          || number.value().signum() < 0
          || number.value().compareTo(BigDecimal.valueOf(MAX_REPETITIONS)) > 0) {
        return Optional.empty();
      }
      List<Map<String, Value>> symbols = new ArrayList<>();
      for (int i = 0; i < number.value().intValue(); i++) {
        symbols.add(Map.of("count", Value.map(Map.of("index", Value.of(i)))));
      }
      return Optional.of(List.copyOf(symbols));
    }
    if (resource.forEach().isPresent()) {
      Value forEach = evaluate(resource.forEach().get());
      List<Map<String, Value>> symbols = new ArrayList<>();
      if (forEach instanceof MapValue map) {
        map.entries().forEach((key, value) -> symbols.add(each(Value.of(key), value)));
      } else if (forEach instanceof ListValue set && set.isWhollyKnown()) {
        // for_each over a set: key and value are both the element.
        set.elements().forEach(element -> symbols.add(each(element, element)));
      } else {
        return Optional.empty();
      }
      return Optional.of(List.copyOf(symbols));
    }
    return Optional.of(List.of(Map.of()));
  }

  private static Map<String, Value> each(Value key, Value value) {
    return Map.of("each", Value.map(Map.of("key", key, "value", value)));
  }

  /**
   * The value of an argument inside a block, following nested blocks (the first of a type) and then
   * object attributes by name: {@code private_cluster_config.enable_private_nodes}. Empty when the
   * configuration does not set it; unknown when a {@code dynamic} block generates the nested block.
   */
  public Optional<Value> evaluateAttribute(Resource resource, String path) {
    return evaluateAttribute(resource.body(), path, Map.of());
  }

  /**
   * As {@link #evaluateAttribute(Resource, String)}, for any body of this instance's module, with
   * extra names in scope (one entry of {@link #instanceSymbols(Resource)}).
   */
  public Optional<Value> evaluateAttribute(Body body, String path, Map<String, Value> symbols) {
    String[] names = path.split("\\.");
    Body current = body;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      Optional<Attribute> attribute = current.attribute(name);
      if (attribute.isPresent()) {
        Value value = evaluate(attribute.get().value(), symbols);
        for (int j = i + 1; j < names.length && value.isKnown(); j++) {
          if (!(value instanceof MapValue map)) {
            return Optional.of(Value.unknown());
          }
          Optional<Value> inner = map.get(names[j]);
          if (inner.isEmpty()) {
            return Optional.empty();
          }
          value = inner.get();
        }
        return Optional.of(value);
      }
      List<Block> blocks = current.blocks(name);
      if (blocks.isEmpty()) {
        boolean generated =
            current.blocks("dynamic").stream().anyMatch(d -> d.labelValues().equals(List.of(name)));
        return generated ? Optional.of(Value.unknown()) : Optional.empty();
      }
      current = blocks.get(0).body();
    }
    return Optional.empty();
  }

  Value variable(String name, int depth) {
    return remember(
        "var." + name,
        () -> {
          Optional<Attribute> argument =
              call.flatMap(c -> Optional.ofNullable(c.arguments().get(name)));
          Optional<Variable> declared = module.variable(name);
          if (argument.isPresent()) {
            Value passed = caller.orElseThrow().evaluateAt(argument.get().value(), depth);
            boolean nullMeansDefault =
                declared.filter(v -> !v.nullable() && v.defaultValue().isPresent()).isPresent();
            if (!(passed instanceof NullValue) || !nullMeansDefault) {
              return passed;
            }
            return evaluateAt(declared.get().defaultValue().get(), depth);
          }
          if (declared.isEmpty()) {
            return Value.unknown();
          }
          Optional<Attribute> tfvar =
              call.isEmpty() ? Optional.ofNullable(module.tfvars().get(name)) : Optional.empty();
          if (tfvar.isPresent()) {
            return evaluateAt(tfvar.get().value(), depth);
          }
          return declared
              .get()
              .defaultValue()
              .map(d -> evaluateAt(d, depth))
              .orElse(Value.unknown());
        });
  }

  Value local(String name, int depth) {
    return remember(
        "local." + name,
        () -> module.local(name).map(l -> evaluateAt(l.value(), depth)).orElse(Value.unknown()));
  }

  Value output(String name, int depth) {
    return remember(
        "output." + name,
        () ->
            module
                .output(name)
                .flatMap(Output::value)
                .map(v -> evaluateAt(v, depth))
                .orElse(Value.unknown()));
  }

  /** All outputs of a called module as an object, the value of {@code module.name}. */
  Value moduleOutputs(String name, int depth) {
    Optional<ModuleInstance> child = child(name);
    if (child.isEmpty() || child.get().call.map(ModuleCall::isRepeated).orElse(false)) {
      return Value.unknown();
    }
    Map<String, Value> outputs = new LinkedHashMap<>();
    for (Output output : child.get().module.outputs()) {
      outputs.put(output.name(), child.get().output(output.name(), depth));
    }
    return Value.map(outputs);
  }

  private Value evaluateAt(Expression expression, int depth) {
    return Evaluator.in(this).evaluate(expression, Map.of(), depth + 1);
  }

  /**
   * Computes a named value once. While it is being computed it reads as unknown, so a reference
   * cycle ({@code local.a = local.b}, {@code local.b = local.a}) ends as unknown instead of
   * recursing forever.
   */
  private Value remember(String key, Supplier<Value> compute) {
    Value known = values.get(key);
    if (known != null) {
      return known;
    }
    values.put(key, Value.unknown());
    Value value = compute.get();
    values.put(key, value);
    return value;
  }

  @Override
  public String toString() {
    return describe();
  }
}
