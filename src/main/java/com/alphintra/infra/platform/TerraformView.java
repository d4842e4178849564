package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Terraform part of the platform: the model of every module, environment and bootstrap directory (from
 * {@code terraform/}), resources indexed by type with their file, and the evaluation contexts of each
 * directory (one per environment that reaches it through module calls, or its own defaults when none does).
 */
public final class TerraformView {

  private final Path root;
  private final List<TerraformModule> modules;
  private final Map<String, List<TerraformResource>> resourcesByType = new HashMap<>();
  private final Map<Path, List<EvaluationContext>> contexts = new HashMap<>();

  /**
   * @param root the repository root, which file paths are made relative to
   * @param modules the modules, each with its absolute directory
   */
  public TerraformView(Path root, List<TerraformModule> modules) {
    this.root = root;
    this.modules = List.copyOf(modules);
    Map<Path, TerraformModule> byPath = new HashMap<>();
    Map<Path, List<Caller>> callers = new HashMap<>();
    for (TerraformModule module : this.modules) {
      byPath.put(module.directory(), module);
      for (Resource resource : module.resources()) {
        resourcesByType.computeIfAbsent(resource.type(), type -> new ArrayList<>()).add(new TerraformResource(
            resource.type(), resource.name(), resource.block(), resource.range().file(), relative(module)));
      }
      for (ModuleCall call : module.moduleCalls()) {
        call.localSource().ifPresent(source ->
            callers.computeIfAbsent(source, m -> new ArrayList<>()).add(new Caller(module, call)));
      }
    }
    for (TerraformModule module : this.modules) {
      contextsOf(module, byPath, callers, new HashSet<>());
    }
  }

  public static TerraformView empty() {
    return new TerraformView(Path.of(""), List.of());
  }

  /** The model of every Terraform directory, in load order. */
  public List<TerraformModule> modules() {
    return modules;
  }

  /** Every resource of {@code type}, in load order. */
  public List<TerraformResource> resources(String type) {
    return resourcesByType.getOrDefault(type, List.of());
  }

  public int resourceCount() {
    return resourcesByType.values().stream().mapToInt(List::size).sum();
  }

  /** The contexts the directory of {@code resource} is evaluated in. */
  public List<EvaluationContext> contexts(TerraformResource resource) {
    return contexts.getOrDefault(resource.directory(), List.of());
  }

  /**
   * The known values of {@code expression} across the contexts of {@code resource}'s directory, grouped by
   * value; contexts where it is unknown are left out, so an unknown value yields nothing.
   */
  public List<TerraformValue> values(TerraformResource resource, Expression expression) {
    List<EvaluationContext> all = contexts(resource);
    Map<Object, List<String>> byValue = new LinkedHashMap<>();
    for (EvaluationContext context : all) {
      context.value(expression).ifPresent(value -> byValue.computeIfAbsent(value, v -> new ArrayList<>())
          .add(context.name()));
    }
    List<TerraformValue> values = new ArrayList<>();
    byValue.forEach((value, names) -> values.add(new TerraformValue(value, names, names.size() == all.size())));
    return values;
  }

  /** The known values of the attribute at {@code path} of {@code resource}; empty when it is absent. */
  public List<TerraformValue> values(TerraformResource resource, String path) {
    Optional<Attribute> attribute = resource.attribute(path);
    return attribute.isEmpty() ? List.of() : values(resource, attribute.get().value());
  }

  private record Caller(TerraformModule module, ModuleCall call) {}

  private Path relative(TerraformModule module) {
    return module.directory().startsWith(root) ? root.relativize(module.directory()) : module.directory();
  }

  private List<EvaluationContext> contextsOf(TerraformModule module, Map<Path, TerraformModule> byPath,
      Map<Path, List<Caller>> callers, Set<Path> visiting) {
    Path key = relative(module);
    List<EvaluationContext> known = contexts.get(key);
    if (known != null) {
      return known;
    }
    if (!visiting.add(key)) {
      return List.of();
    }
    Map<String, Object> defaults = defaults(module);
    Map<String, Expression> locals = new HashMap<>();
    module.locals().forEach(local -> locals.put(local.name(), local.value()));
    List<EvaluationContext> result = new ArrayList<>();
    List<Caller> calledBy = callers.getOrDefault(module.directory(), List.of());
    if (calledBy.isEmpty()) {
      Map<String, Object> variables = new HashMap<>(defaults);
      EvaluationContext literals = new EvaluationContext("tfvars", Map.of(), Map.of());
      module.tfvars().forEach((name, value) -> literals.value(value.value()).ifPresent(v -> variables.put(name, v)));
      result.add(new EvaluationContext(isEnvironment(key) ? key.getFileName().toString() : "defaults", variables,
          locals));
    } else {
      for (Caller caller : calledBy) {
        for (EvaluationContext outer : contextsOf(caller.module(), byPath, callers, visiting)) {
          Map<String, Object> variables = new HashMap<>(defaults);
          caller.call().arguments().forEach((name, argument) -> {
            variables.remove(name);
            outer.value(argument.value()).ifPresent(v -> variables.put(name, v));
          });
          result.add(new EvaluationContext(outer.name(), variables, locals));
        }
      }
    }
    visiting.remove(key);
    contexts.put(key, List.copyOf(result));
    return result;
  }

  /** An environment is a root configuration under {@code environments/} (DESIGN.md, repository layout). */
  private static boolean isEnvironment(Path directory) {
    Path parent = directory.getParent();
    return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("environments");
  }

  private static Map<String, Object> defaults(TerraformModule module) {
    EvaluationContext literals = new EvaluationContext("defaults", Map.of(), Map.of());
    Map<String, Object> defaults = new HashMap<>();
    for (Variable variable : module.variables()) {
      variable.defaultValue().flatMap(literals::value).ifPresent(value -> defaults.put(variable.name(), value));
    }
    return defaults;
  }
}
