package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.TemplateExpr;
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
 * The Terraform part of the platform: every module, environment and bootstrap directory, resources indexed
 * by type, and the evaluation contexts of each directory (one per environment that reaches it through
 * module calls, or its own defaults when none does).
 */
public final class TerraformView {

  private static final Set<String> META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  private final List<TerraformDirectory> directories;
  private final Map<String, List<TerraformResource>> resourcesByType = new HashMap<>();
  private final Map<Path, List<EvaluationContext>> contexts = new HashMap<>();

  public TerraformView(List<TerraformDirectory> directories) {
    this.directories = List.copyOf(directories);
    Map<Path, TerraformDirectory> byPath = new HashMap<>();
    for (TerraformDirectory directory : this.directories) {
      byPath.put(directory.path(), directory);
      for (TerraformResource resource : directory.resources()) {
        resourcesByType.computeIfAbsent(resource.type(), type -> new ArrayList<>()).add(resource);
      }
    }
    Map<Path, List<Caller>> callers = new HashMap<>();
    for (TerraformDirectory directory : this.directories) {
      for (Block call : directory.moduleCalls()) {
        call.body().attribute("source")
            .filter(source -> source.value() instanceof TemplateExpr)
            .flatMap(source -> ((TemplateExpr) source.value()).literalValue())
            .filter(source -> source.startsWith("./") || source.startsWith("../"))
            .map(source -> directory.path().resolve(source).normalize())
            .filter(byPath::containsKey)
            .ifPresent(module -> callers.computeIfAbsent(module, m -> new ArrayList<>()).add(new Caller(directory, call)));
      }
    }
    for (TerraformDirectory directory : this.directories) {
      contextsOf(directory, byPath, callers, new HashSet<>());
    }
  }

  public static TerraformView empty() {
    return new TerraformView(List.of());
  }

  public List<TerraformDirectory> directories() {
    return directories;
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

  private record Caller(TerraformDirectory directory, Block call) {}

  private List<EvaluationContext> contextsOf(TerraformDirectory directory, Map<Path, TerraformDirectory> byPath,
      Map<Path, List<Caller>> callers, Set<Path> visiting) {
    List<EvaluationContext> known = contexts.get(directory.path());
    if (known != null) {
      return known;
    }
    if (!visiting.add(directory.path())) {
      return List.of();
    }
    Map<String, Object> defaults = defaults(directory);
    List<EvaluationContext> result = new ArrayList<>();
    List<Caller> calledBy = callers.getOrDefault(directory.path(), List.of());
    if (calledBy.isEmpty()) {
      Map<String, Object> variables = new HashMap<>(defaults);
      EvaluationContext literals = new EvaluationContext("tfvars", Map.of(), Map.of());
      directory.tfvars().forEach((name, value) -> literals.value(value).ifPresent(v -> variables.put(name, v)));
      String name = directory.isEnvironment() ? directory.path().getFileName().toString() : "defaults";
      result.add(new EvaluationContext(name, variables, directory.locals()));
    } else {
      for (Caller caller : calledBy) {
        for (EvaluationContext outer : contextsOf(caller.directory(), byPath, callers, visiting)) {
          Map<String, Object> variables = new HashMap<>(defaults);
          for (Attribute argument : caller.call().body().attributes()) {
            if (!META_ARGUMENTS.contains(argument.name())) {
              variables.remove(argument.name());
              outer.value(argument.value()).ifPresent(v -> variables.put(argument.name(), v));
            }
          }
          result.add(new EvaluationContext(outer.name(), variables, directory.locals()));
        }
      }
    }
    visiting.remove(directory.path());
    contexts.put(directory.path(), List.copyOf(result));
    return result;
  }

  private static Map<String, Object> defaults(TerraformDirectory directory) {
    EvaluationContext literals = new EvaluationContext("defaults", Map.of(), Map.of());
    Map<String, Object> defaults = new HashMap<>();
    directory.variables().forEach((name, block) -> block.body().attribute("default")
        .flatMap(value -> literals.value(value.value()))
        .ifPresent(value -> defaults.put(name, value)));
    return defaults;
  }
}
