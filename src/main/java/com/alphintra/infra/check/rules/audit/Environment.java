package com.alphintra.infra.check.rules.audit;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.TerraformModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An environment root ({@code terraform/environments/<name>/}, DESIGN.md), with the place a finding
 * about the environment as a whole points at: the root's first module call (the composition the
 * setting belongs in), else the first block of its {@code main.tf} (else of its first file), else
 * that file's first line.
 */
record Environment(String name, Path file, int line) {

  static List<Environment> all(Platform platform) {
    List<Environment> environments = new ArrayList<>();
    for (TerraformModule module : platform.terraform().modules()) {
      Path parent = module.directory().getParent();
      if (module.files().isEmpty()
          || parent == null
          || parent.getFileName() == null
          || !parent.getFileName().toString().equals("environments")) {
        continue;
      }
      HclFile main =
          module.files().stream()
              .filter(hcl -> hcl.path().getFileName().toString().equals("main.tf"))
              .findFirst()
              .orElse(module.files().get(0));
      Path file = main.path();
      int line =
          main.body().blocks().isEmpty() ? 1 : main.body().blocks().get(0).range().start().line();
      found:
      for (HclFile hcl : module.files()) {
        for (Block call : hcl.body().blocks("module")) {
          file = hcl.path();
          line = call.range().start().line();
          break found;
        }
      }
      environments.add(new Environment(module.directory().getFileName().toString(), file, line));
    }
    return environments;
  }

  /** The resources of {@code type} this environment creates, itself or through its modules. */
  List<TerraformResource> resources(Platform platform, String type) {
    return platform.terraform().resources(type).stream()
        .filter(resource -> context(platform, resource).isPresent())
        .toList();
  }

  /** The context {@code resource} is evaluated in for this environment. */
  Optional<EvaluationContext> context(Platform platform, TerraformResource resource) {
    return platform.terraform().contexts(resource).stream()
        .filter(context -> context.name().equals(name))
        .findFirst();
  }
}
