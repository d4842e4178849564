package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.Local;
import com.alphintra.infra.terraform.TerraformModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every {@code local.x} a module reads is defined in a {@code locals} block of that module. */
public final class LocalsAreDeclared implements Rule {

  static final RuleInfo INFO = new RuleInfo("tf-local-declared", "Every local.NAME refers to a defined local value",
      Severity.HIGH, Target.TF,
      "Terraform refuses a configuration that reads an undefined local value, so plan fails; locals are"
          + " module-scoped, so one moved between modules breaks silently until then.",
      "Define the value in a locals block of the same module, or correct the name to one that is defined.",
      List.of("terraform validate (Reference to undeclared local value)",
          "tflint terraform_unused_declarations (the opposite direction)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : platform.terraform().modules()) {
      Set<String> defined = module.locals().stream().map(Local::name).collect(Collectors.toSet());
      for (ScopeTraversal reference : References.of(module, "local")) {
        reference.attribute(0).filter(name -> !defined.contains(name)).ifPresent(name -> findings.add(Finding.of(
            INFO, reference.range().file(), reference.range().start().line(), "local." + name,
            "local." + name + " is not defined in " + platform.terraform().relative(module.directory())
                + " (no locals entry \"" + name + "\")")));
      }
    }
    return findings;
  }
}
