package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.platform.ProviderSchema;
import com.alphintra.infra.platform.SchemaAttribute;
import com.alphintra.infra.platform.SchemaBlock;
import com.alphintra.infra.platform.SchemaBlockType;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.TerraformModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares every resource and data block of the modules with the provider schema: unknown, missing
 * required, computed-only and deprecated attributes and blocks. Meta-arguments are Terraform's, not
 * the provider's, and are left out.
 */
final class SchemaComparison {

  private static final Set<String> META_ATTRIBUTES =
      Set.of("count", "for_each", "provider", "depends_on");
  private static final Set<String> META_BLOCKS = Set.of("lifecycle", "connection", "provisioner");

  private SchemaComparison() {}

  static List<SchemaProblem> of(List<TerraformModule> modules, ProviderSchema schema) {
    List<SchemaProblem> problems = new ArrayList<>();
    for (TerraformModule module : modules) {
      List<Resource> blocks = new ArrayList<>(module.resources());
      blocks.addAll(module.dataSources());
      for (Resource resource : blocks) {
        if (usesOtherProvider(resource)) {
          continue;
        }
        boolean data = resource.mode() == ResourceMode.DATA;
        Optional<SchemaBlock> block =
            data ? schema.dataSource(resource.type()) : schema.resource(resource.type());
        if (block.isPresent()) {
          compare(
              resource.body(),
              block.get(),
              resource.block(),
              resource.address(),
              "",
              true,
              problems);
        } else if (schema.describesProviderOf(resource.type())) {
          problems.add(
              new SchemaProblem(
                  false,
                  resource.block().labels().get(0).range(),
                  resource.address(),
                  resource.address()
                      + ": "
                      + (data ? "data source" : "resource")
                      + " type "
                      + resource.type()
                      + " does not exist in the provider schema"));
        }
      }
    }
    return problems;
  }

  /**
   * A block whose {@code provider} meta-argument names another provider than its type prefix
   * ({@code provider = google-beta}) follows that provider's schema, which may not be the one
   * given.
   */
  private static boolean usesOtherProvider(Resource resource) {
    String prefix =
        resource.type().contains("_")
            ? resource.type().substring(0, resource.type().indexOf('_'))
            : resource.type();
    return resource
        .body()
        .attribute("provider")
        .flatMap(attribute -> attribute.value().asTraversal())
        .map(traversal -> !traversal.root().equals(prefix))
        .orElse(false);
  }

  private static void compare(
      Body body,
      SchemaBlock schema,
      Block owner,
      String address,
      String prefix,
      boolean top,
      List<SchemaProblem> problems) {
    for (Attribute attribute : body.attributes()) {
      String name = attribute.name();
      if (top && META_ATTRIBUTES.contains(name)) {
        continue;
      }
      Optional<SchemaAttribute> known = schema.attribute(name);
      if (known.isEmpty()) {
        String hint =
            schema.blockType(name).isPresent()
                ? " (it is a block: write " + name + " { ... })"
                : "";
        problems.add(
            new SchemaProblem(
                false,
                attribute.nameRange(),
                address,
                address
                    + " sets "
                    + prefix
                    + name
                    + ", which the provider schema does not define"
                    + hint));
      } else if (known.get().isComputedOnly()) {
        problems.add(
            new SchemaProblem(
                false,
                attribute.nameRange(),
                address,
                address
                    + " sets "
                    + prefix
                    + name
                    + ", which the provider computes and does not accept"));
      } else if (known.get().deprecated()) {
        problems.add(
            new SchemaProblem(
                true,
                attribute.nameRange(),
                address,
                address
                    + " sets "
                    + prefix
                    + name
                    + ", which the provider schema marks deprecated"));
      }
    }
    Set<String> generated = new java.util.HashSet<>();
    for (Block nested : body.blocks()) {
      String name = nested.type();
      if (top && META_BLOCKS.contains(name)) {
        continue;
      }
      Optional<Body> content = Optional.of(nested.body());
      if (name.equals("dynamic") && nested.labels().size() == 1) {
        name = nested.labels().get(0).value();
        generated.add(name);
        content = nested.body().blocks("content").stream().findFirst().map(Block::body);
      }
      Optional<SchemaBlockType> type = schema.blockType(name);
      if (type.isEmpty()) {
        if (schema.attribute(name).isEmpty()) {
          problems.add(
              new SchemaProblem(
                  false,
                  nested.typeRange(),
                  address,
                  address
                      + " has a "
                      + prefix
                      + name
                      + " block, which the provider schema does not define"));
        }
        continue;
      }
      if (type.get().block().deprecated()) {
        problems.add(
            new SchemaProblem(
                true,
                nested.typeRange(),
                address,
                address
                    + " has a "
                    + prefix
                    + name
                    + " block, which the provider schema marks deprecated"));
      }
      if (content.isPresent()) {
        compare(
            content.get(),
            type.get().block(),
            nested,
            address,
            prefix + name + ".",
            false,
            problems);
      }
    }
    for (var required : new TreeMap<>(schema.attributes()).entrySet()) {
      if (required.getValue().required() && body.attribute(required.getKey()).isEmpty()) {
        problems.add(
            new SchemaProblem(
                false,
                owner.typeRange(),
                address,
                address
                    + " does not set "
                    + prefix
                    + required.getKey()
                    + ", which the provider schema requires"));
      }
    }
    for (var required : new TreeMap<>(schema.blockTypes()).entrySet()) {
      String name = required.getKey();
      if (required.getValue().isRequired()
          && body.blocks(name).isEmpty()
          && !generated.contains(name)) {
        problems.add(
            new SchemaProblem(
                false,
                owner.typeRange(),
                address,
                address
                    + " has no "
                    + prefix
                    + name
                    + " block, which the provider schema requires"));
      }
    }
  }
}
