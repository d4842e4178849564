package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.TerraformProject;
import com.alphintra.infra.terraform.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A module call sets every variable of the module that has no default, and no variable it does not
 * declare.
 */
public final class ModuleCallsMatchVariables implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-module-call-variables",
          "Module calls set every required variable and only declared ones",
          Severity.HIGH,
          Target.TF,
          "A call that misses a variable without a default, or passes one the module does not declare (a typo or a"
              + " removed input), fails terraform plan; an unknown argument is also a setting that silently does nothing"
              + " in review.",
          "Set every variable the module declares without a default, and remove or rename arguments the module does"
              + " not declare.",
          List.of("terraform validate (Missing required argument / Unsupported argument)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<TerraformModule> modules = platform.terraform().modules();
    TerraformProject project = TerraformProject.of(platform.root(), modules);
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : modules) {
      for (ModuleCall call : module.moduleCalls()) {
        Optional<TerraformModule> called = project.calledModule(call);
        if (called.isEmpty()) {
          continue;
        }
        String object = "module." + call.name();
        String where = platform.terraform().relative(called.get().directory()).toString();
        Set<String> declared =
            called.get().variables().stream().map(Variable::name).collect(Collectors.toSet());
        for (Variable variable : called.get().variables()) {
          if (variable.isRequired() && !call.arguments().containsKey(variable.name())) {
            findings.add(
                Finding.of(
                    INFO,
                    call.range().file(),
                    call.range().start().line(),
                    object,
                    object
                        + " does not set variable "
                        + variable.name()
                        + ", which "
                        + where
                        + " requires (no default)"));
          }
        }
        for (Map.Entry<String, Attribute> argument : call.arguments().entrySet()) {
          if (!declared.contains(argument.getKey())) {
            Attribute attribute = argument.getValue();
            findings.add(
                Finding.of(
                    INFO,
                    attribute.range().file(),
                    attribute.range().start().line(),
                    object,
                    object
                        + " sets "
                        + argument.getKey()
                        + ", which "
                        + where
                        + " does not declare (no variable \""
                        + argument.getKey()
                        + "\" block)"));
          }
        }
      }
    }
    return findings;
  }
}
