package com.alphintra.infra.terraform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every Terraform module under one directory (such as {@code infra/terraform}), keyed by absolute,
 * normalised directory, with module calls resolved to the local directories they name.
 */
public record TerraformProject(Path root, Map<Path, TerraformModule> modules) {

  public TerraformProject {
    root = normalise(root);
    modules = Map.copyOf(modules);
  }

  public static TerraformProject of(Path root, Collection<TerraformModule> modules) {
    Map<Path, TerraformModule> byDirectory = new LinkedHashMap<>();
    modules.forEach(m -> byDirectory.put(m.directory(), m));
    return new TerraformProject(root, byDirectory);
  }

  public Optional<TerraformModule> module(Path directory) {
    return Optional.ofNullable(modules.get(normalise(directory)));
  }

  /** The module a call's local {@code source} points at, if it is part of this project. */
  public Optional<TerraformModule> calledModule(ModuleCall call) {
    return call.localSource().flatMap(this::module);
  }

  /** Modules no other module of the project calls: environments and bootstrap configurations. */
  public List<TerraformModule> roots() {
    Set<Path> called =
        modules.values().stream()
            .flatMap(m -> m.moduleCalls().stream())
            .map(ModuleCall::localSource)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    return sorted(modules.values().stream().filter(m -> !called.contains(m.directory())).toList());
  }

  /** The instance of a root module, with the values of its tfvars. */
  public Optional<ModuleInstance> rootInstance(Path directory) {
    return module(directory)
        .map(m -> new ModuleInstance(this, m, Optional.empty(), Optional.empty()));
  }

  /** Every instance reachable from the roots through module calls, roots first, depth first. */
  public List<ModuleInstance> instances() {
    List<ModuleInstance> all = new ArrayList<>();
    for (TerraformModule root : roots()) {
      collect(new ModuleInstance(this, root, Optional.empty(), Optional.empty()), all);
    }
    return List.copyOf(all);
  }

  /**
   * The instances of one module: one per call path from a root (the gke module once per
   * environment), or, for a module that no root reaches, one instance evaluated with its defaults.
   */
  public List<ModuleInstance> instancesOf(Path directory) {
    Path dir = normalise(directory);
    List<ModuleInstance> reached =
        instances().stream().filter(i -> i.module().directory().equals(dir)).toList();
    if (!reached.isEmpty()) {
      return reached;
    }
    return rootInstance(dir).map(List::of).orElse(List.of());
  }

  private static void collect(ModuleInstance instance, List<ModuleInstance> into) {
    into.add(instance);
    instance.children().forEach(child -> collect(child, into));
  }

  private static List<TerraformModule> sorted(List<TerraformModule> modules) {
    return modules.stream().sorted(Comparator.comparing(TerraformModule::directory)).toList();
  }

  private static Path normalise(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
