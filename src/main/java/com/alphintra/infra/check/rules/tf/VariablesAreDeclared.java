package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.Variable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every {@code var.x} a module reads is declared by a {@code variable "x"} block of that module.
 */
public final class VariablesAreDeclared implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-variable-declared",
          "Every var.NAME refers to a declared variable",
          Severity.HIGH,
          Target.TF,
          "Terraform refuses a configuration that reads an undeclared input variable, so plan fails in every"
              + " environment; a typo in a variable name is caught here before any plan runs.",
          "Declare the variable in the module's variables.tf, or correct the name to one that is declared.",
          List.of(
              "terraform validate (Reference to undeclared input variable)",
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
        "var",
        "declared",
        module -> module.variables().stream().map(Variable::name).collect(Collectors.toSet()),
        name -> "no variable \"" + name + "\" block");
  }
}
