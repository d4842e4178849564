package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.BoolLiteral;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.TemplateExpr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Terraform module: the configuration files of one directory. A root module (an environment)
 * also has the values of its {@code terraform.tfvars} and {@code *.auto.tfvars}.
 *
 * @param tfvars variable values from the directory's tfvars files, later files overriding earlier
 *     ones
 */
public record TerraformModule(
    Path directory,
    List<HclFile> files,
    List<Resource> resources,
    List<Resource> dataSources,
    List<ModuleCall> moduleCalls,
    List<Variable> variables,
    List<Local> locals,
    List<Output> outputs,
    List<Provider> providers,
    Optional<TerraformSettings> settings,
    Map<String, Attribute> tfvars) {

  private static final Set<String> MODULE_META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  public TerraformModule {
    files = List.copyOf(files);
    resources = List.copyOf(resources);
    dataSources = List.copyOf(dataSources);
    moduleCalls = List.copyOf(moduleCalls);
    variables = List.copyOf(variables);
    locals = List.copyOf(locals);
    outputs = List.copyOf(outputs);
    providers = List.copyOf(providers);
    tfvars = Map.copyOf(tfvars);
  }

  /**
   * Builds the model of a directory from its parsed {@code .tf} files and tfvars files (in override
   * order).
   */
  public static TerraformModule of(Path directory, List<HclFile> files, List<HclFile> tfvarsFiles) {
    Path dir = directory.toAbsolutePath().normalize();
    List<Resource> resources = new ArrayList<>();
    List<Resource> dataSources = new ArrayList<>();
    List<ModuleCall> calls = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    List<Local> locals = new ArrayList<>();
    List<Output> outputs = new ArrayList<>();
    List<Provider> providers = new ArrayList<>();
    List<Block> terraformBlocks = new ArrayList<>();
    for (HclFile file : files) {
      for (Block block : file.body().blocks()) {
        switch (block.type()) {
          case "resource" ->
              twoLabels(block)
                  .ifPresent(
                      l ->
                          resources.add(
                              new Resource(ResourceMode.MANAGED, l.get(0), l.get(1), block)));
          case "data" ->
              twoLabels(block)
                  .ifPresent(
                      l ->
                          dataSources.add(
                              new Resource(ResourceMode.DATA, l.get(0), l.get(1), block)));
          case "module" ->
              oneLabel(block).ifPresent(name -> calls.add(moduleCall(dir, name, block)));
          case "variable" ->
              oneLabel(block).ifPresent(name -> variables.add(variable(name, block)));
          case "locals" ->
              block.body().attributes().forEach(a -> locals.add(new Local(a.name(), a)));
          case "output" ->
              oneLabel(block)
                  .ifPresent(
                      name ->
                          outputs.add(
                              new Output(
                                  name,
                                  string(block, "description"),
                                  bool(block, "sensitive"),
                                  expression(block, "value"),
                                  block)));
          case "provider" ->
              oneLabel(block)
                  .ifPresent(
                      name -> providers.add(new Provider(name, string(block, "alias"), block)));
          case "terraform" -> terraformBlocks.add(block);
          default -> {
            // moved, import, check and removed describe state operations and assertions, not
            // configuration; they stay reachable through files().
          }
        }
      }
    }
    Map<String, Attribute> tfvars = new LinkedHashMap<>();
    for (HclFile file : tfvarsFiles) {
      file.body().attributes().forEach(a -> tfvars.put(a.name(), a));
    }
    return new TerraformModule(
        dir,
        files,
        resources,
        dataSources,
        calls,
        variables,
        locals,
        outputs,
        providers,
        settings(terraformBlocks),
        tfvars);
  }

  public Optional<Resource> resource(String type, String name) {
    return resources.stream()
        .filter(r -> r.type().equals(type) && r.name().equals(name))
        .findFirst();
  }

  /** Managed resources of one type, such as every {@code google_container_node_pool}. */
  public List<Resource> resources(String type) {
    return resources.stream().filter(r -> r.type().equals(type)).toList();
  }

  public Optional<Resource> dataSource(String type, String name) {
    return dataSources.stream()
        .filter(r -> r.type().equals(type) && r.name().equals(name))
        .findFirst();
  }

  public Optional<ModuleCall> moduleCall(String name) {
    return moduleCalls.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Variable> variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<Local> local(String name) {
    return locals.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public Optional<Output> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  private static Optional<List<String>> twoLabels(Block block) {
    return block.labels().size() == 2 ? Optional.of(block.labelValues()) : Optional.empty();
  }

  private static Optional<String> oneLabel(Block block) {
    return block.labels().size() == 1
        ? Optional.of(block.labels().get(0).value())
        : Optional.empty();
  }

  private static ModuleCall moduleCall(Path dir, String name, Block block) {
    Optional<String> source = string(block, "source");
    Optional<Path> local =
        source
            .filter(s -> s.startsWith("./") || s.startsWith("../"))
            .map(s -> dir.resolve(s).normalize());
    Map<String, Attribute> arguments = new LinkedHashMap<>();
    block.body().attributes().stream()
        .filter(a -> !MODULE_META_ARGUMENTS.contains(a.name()))
        .forEach(a -> arguments.put(a.name(), a));
    return new ModuleCall(name, source, local, arguments, block);
  }

  private static Variable variable(String name, Block block) {
    List<Validation> validations =
        block.body().blocks("validation").stream()
            .map(
                v ->
                    new Validation(
                        expression(v, "condition"), expression(v, "error_message"), v.range()))
            .toList();
    return new Variable(
        name,
        expression(block, "type"),
        expression(block, "default"),
        string(block, "description"),
        validations,
        bool(block, "sensitive"),
        expression(block, "nullable")
            .filter(e -> e instanceof BoolLiteral b && !b.value())
            .isEmpty(),
        block);
  }

  private static Optional<TerraformSettings> settings(List<Block> blocks) {
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> requiredVersion = Optional.empty();
    Map<String, RequiredProvider> providers = new LinkedHashMap<>();
    Optional<Backend> backend = Optional.empty();
    for (Block block : blocks) {
      if (requiredVersion.isEmpty()) {
        requiredVersion = string(block, "required_version");
      }
      for (Block required : block.body().blocks("required_providers")) {
        for (Attribute entry : required.body().attributes()) {
          providers.put(entry.name(), requiredProvider(entry));
        }
      }
      if (backend.isEmpty()) {
        backend =
            block.body().blocks("backend").stream()
                .filter(b -> b.labels().size() == 1)
                .map(b -> new Backend(b.labels().get(0).value(), b.body(), b.range()))
                .findFirst();
      }
    }
    return Optional.of(
        new TerraformSettings(requiredVersion, providers, backend, blocks.get(0).range()));
  }

  private static RequiredProvider requiredProvider(Attribute entry) {
    if (entry.value() instanceof ObjectExpr object) {
      return new RequiredProvider(
          entry.name(),
          object.get("source").flatMap(TerraformModule::literal),
          object.get("version").flatMap(TerraformModule::literal),
          entry.range());
    }
    // The pre-0.13 shorthand: google = "~> 6.0" is a version constraint only.
    return new RequiredProvider(
        entry.name(), Optional.empty(), literal(entry.value()), entry.range());
  }

  private static Optional<Expression> expression(Block block, String name) {
    return block.body().attribute(name).map(Attribute::value);
  }

  private static Optional<String> string(Block block, String name) {
    return expression(block, name).flatMap(TerraformModule::literal);
  }

  private static Optional<String> literal(Expression expression) {
    return expression instanceof TemplateExpr template ? template.literalValue() : Optional.empty();
  }

  private static boolean bool(Block block, String name) {
    return expression(block, name).filter(e -> e instanceof BoolLiteral b && b.value()).isPresent();
  }
}
