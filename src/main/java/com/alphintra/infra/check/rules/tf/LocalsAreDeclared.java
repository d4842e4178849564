package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.Local;
import java.util.List;
import java.util.stream.Collectors;

/** Every {@code local.x} a module reads is defined in a {@code locals} block of that module. */
public final class LocalsAreDeclared implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-local-declared",
          "Every local.NAME refers to a defined local value",
          Severity.HIGH,
          Target.TF,
          "Terraform refuses a configuration that reads an undefined local value, so plan fails; locals are"
              + " module-scoped, so one moved between modules breaks silently until then.",
          "Define the value in a locals block of the same module, or correct the name to one that is defined.",
          List.of(
              "terraform validate (Reference to undeclared local value)",
              "tflint terraform_unused_declarations (the opposite direction)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return References.undefined(
        platform,
        INFO,
        "local",
        "defined",
        module -> module.locals().stream().map(Local::name).collect(Collectors.toSet()),
        name -> "no locals entry \"" + name + "\"");
  }
}
