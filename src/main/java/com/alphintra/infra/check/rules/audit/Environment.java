package com.alphintra.infra.check.rules.audit;

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
 * An environment root ({@code terraform/environments/<name>/}, DESIGN.md), with the file a finding
 * about the environment as a whole points at: its {@code main.tf}, else its first file.
 */
record Environment(String name, Path file) {

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
      Path file =
          module.files().stream()
              .map(HclFile::path)
              .filter(path -> path.getFileName().toString().equals("main.tf"))
              .findFirst()
              .orElse(module.files().get(0).path());
      environments.add(new Environment(module.directory().getFileName().toString(), file));
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
