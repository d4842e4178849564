package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.terraform.ModuleInstance;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.TerraformProject;
import com.alphintra.infra.terraform.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Terraform part of the platform: the model of every module, environment and bootstrap
 * directory (from {@code terraform/}), resources indexed by type with their file, and the
 * evaluation contexts of each directory (one per environment that reaches it through module calls,
 * or its own defaults when none does).
 */
public final class TerraformView {

  private final Path root;
  private final List<TerraformModule> modules;
  private final Map<String, List<TerraformResource>> resourcesByType = new HashMap<>();
  private final Map<Path, List<EvaluationContext>> contexts = new HashMap<>();
  private final Optional<ProviderSchema> providerSchema;

  /**
   * @param root the repository root, which file paths are made relative to
   * @param modules the modules, each with its absolute directory
   */
  public TerraformView(Path root, List<TerraformModule> modules) {
    this(root, modules, Optional.empty());
  }

  /**
   * @param root the repository root, which file paths are made relative to
   * @param modules the modules, each with its absolute directory
   * @param providerSchema the schemas of the providers the modules use, when known
   */
  public TerraformView(
      Path root, List<TerraformModule> modules, Optional<ProviderSchema> providerSchema) {
    this.root = root;
    this.modules = List.copyOf(modules);
    this.providerSchema = providerSchema;
    TerraformProject project = TerraformProject.of(root, this.modules);
    for (TerraformModule module : this.modules) {
      for (Resource resource : module.resources()) {
        resourcesByType
            .computeIfAbsent(resource.type(), type -> new ArrayList<>())
            .add(
                new TerraformResource(
                    resource.type(),
                    resource.name(),
                    resource.block(),
                    resource.range().file(),
                    relative(module.directory())));
      }
    }
    for (ModuleInstance instance : project.instances()) {
      contexts
          .computeIfAbsent(relative(instance.module().directory()), key -> new ArrayList<>())
          .add(new EvaluationContext(contextName(instance), instance));
    }
    for (TerraformModule module : this.modules) {
      Path key = relative(module.directory());
      if (!contexts.containsKey(key)) {
        project
            .instancesOf(module.directory())
            .forEach(
                instance ->
                    contexts
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new EvaluationContext(contextName(instance), instance)));
      }
    }
  }

  public static TerraformView empty() {
    return new TerraformView(Path.of(""), List.of());
  }

  /**
   * The provider schemas resource blocks are validated against; empty when none was given or read.
   */
  public Optional<ProviderSchema> providerSchema() {
    return providerSchema;
  }

  /**
   * The contexts the directory {@code directory} (relative to the repository root) is evaluated in.
   */
  public List<EvaluationContext> contexts(Path directory) {
    return contexts.getOrDefault(directory, List.of());
  }

  /** A directory relative to the repository root, as resources and contexts name it. */
  public Path relative(Path directory) {
    return directory.startsWith(root) ? root.relativize(directory) : directory;
  }

  /**
   * The root configuration of each environment ({@code environments/dev}) by environment name,
   * sorted.
   */
  public Map<String, TerraformModule> environments() {
    Map<String, TerraformModule> environments = new java.util.TreeMap<>();
    for (TerraformModule module : modules) {
      Path directory = relative(module.directory());
      if (isEnvironment(directory)) {
        environments.put(directory.getFileName().toString(), module);
      }
    }
    return environments;
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

  /**
   * The contexts the directory of {@code resource} is evaluated in and that create it: not those
   * where its {@code count} is 0, its {@code for_each} is empty, or a module call on the way is.
   */
  public List<EvaluationContext> contexts(TerraformResource resource) {
    List<EvaluationContext> all = contexts.getOrDefault(resource.directory(), List.of());
    if (resource.block().body().attribute("count").isEmpty()
        && resource.block().body().attribute("for_each").isEmpty()
        && all.stream().allMatch(context -> context.instance().call().isEmpty())) {
      return all;
    }
    Resource model =
        new Resource(ResourceMode.MANAGED, resource.type(), resource.name(), resource.block());
    return all.stream().filter(context -> context.instance().creates(model)).toList();
  }

  /**
   * The known values of {@code expression} across the contexts of {@code resource}'s directory,
   * grouped by value and by where each is written (so one value set in two environment roots is two
   * entries, each at its own line); contexts where it is unknown are left out, so an unknown value
   * yields nothing.
   */
  public List<TerraformValue> values(TerraformResource resource, Expression expression) {
    return values(contexts(resource), expression);
  }

  /** The known values of {@code expression} in {@code all}, grouped by value and origin. */
  private static List<TerraformValue> values(List<EvaluationContext> all, Expression expression) {
    Map<List<Object>, List<String>> byValue = new LinkedHashMap<>();
    Map<List<Object>, Range> origins = new HashMap<>();
    for (EvaluationContext context : all) {
      Value value = context.instance().evaluate(expression);
      Optional<Object> plain = EvaluationContext.plain(value);
      if (plain.isEmpty()) {
        continue;
      }
      Range origin = value.origin().orElse(expression.range());
      List<Object> key = List.of(plain.get(), origin.file(), origin.start().line());
      byValue.computeIfAbsent(key, v -> new ArrayList<>()).add(context.name());
      origins.putIfAbsent(key, origin);
    }
    List<TerraformValue> values = new ArrayList<>();
    byValue.forEach(
        (key, names) ->
            values.add(
                new TerraformValue(
                    key.get(0),
                    names.stream().distinct().toList(),
                    names.size() == all.size(),
                    origins.get(key))));
    return values;
  }

  /**
   * The known values of the attribute at {@code path} of {@code resource}; empty when it is absent.
   */
  public List<TerraformValue> values(TerraformResource resource, String path) {
    Optional<Attribute> attribute = resource.attribute(path);
    return attribute.isEmpty() ? List.of() : values(resource, attribute.get().value());
  }

  /** The environment an instance is reached from ({@code dev}), else {@code defaults}. */
  private String contextName(ModuleInstance instance) {
    Path from = relative(instance.rootDirectory());
    return isEnvironment(from) ? from.getFileName().toString() : "defaults";
  }

  /**
   * An environment is a root configuration under {@code environments/} (DESIGN.md, repository
   * layout).
   */
  private static boolean isEnvironment(Path directory) {
    Path parent = directory.getParent();
    return parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("environments");
  }
}
