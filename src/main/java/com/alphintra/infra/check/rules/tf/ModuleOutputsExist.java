package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.AttributeStep;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.hcl.TraversalStep;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.Output;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.TerraformProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code module.m.out} names a module call of the module and an output the called module
 * declares.
 */
public final class ModuleOutputsExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-module-output-exists",
          "Every module.NAME.OUTPUT refers to a module call and an output it declares",
          Severity.HIGH,
          Target.TF,
          "Reading an output a module does not declare (renamed, removed, or a typo) fails terraform plan;"
              + " finding it statically keeps a module refactoring from breaking every environment that calls it.",
          "Declare the output in the called module's outputs.tf, or correct the module or output name.",
          List.of("terraform validate (Unsupported attribute / Reference to undeclared module)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<TerraformModule> modules = platform.terraform().modules();
    TerraformProject project = TerraformProject.of(platform.root(), modules);
    Map<Path, Set<String>> outputs = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : modules) {
      Map<String, ModuleCall> calls =
          module.moduleCalls().stream()
              .collect(Collectors.toMap(ModuleCall::name, call -> call, (first, second) -> first));
      for (ScopeTraversal reference : References.of(module, "module")) {
        Optional<String> name = reference.attribute(0);
        if (name.isEmpty()) {
          continue;
        }
        Path file = reference.range().file();
        int line = reference.range().start().line();
        ModuleCall call = calls.get(name.get());
        if (call == null) {
          findings.add(
              Finding.of(
                  INFO,
                  file,
                  line,
                  "module." + name.get(),
                  "module."
                      + name.get()
                      + " is not called in "
                      + platform.terraform().relative(module.directory())
                      + " (no module \""
                      + name.get()
                      + "\" block)"));
          continue;
        }
        Optional<String> output = outputName(reference.steps());
        Optional<TerraformModule> called = project.calledModule(call);
        if (output.isEmpty() || called.isEmpty()) {
          continue;
        }
        Set<String> declared =
            outputs.computeIfAbsent(
                called.get().directory(),
                directory ->
                    called.get().outputs().stream().map(Output::name).collect(Collectors.toSet()));
        if (!declared.contains(output.get())) {
          findings.add(
              Finding.of(
                  INFO,
                  file,
                  line,
                  "module." + name.get() + "." + output.get(),
                  "module."
                      + name.get()
                      + "."
                      + output.get()
                      + " is not an output of "
                      + platform.terraform().relative(called.get().directory())
                      + " (no output \""
                      + output.get()
                      + "\" block)"));
        }
      }
    }
    return findings;
  }

  /**
   * The output a reference reads: the first attribute after the module name (past {@code [0]} or
   * {@code ["k"]}).
   */
  private static Optional<String> outputName(List<TraversalStep> steps) {
    for (int index = 1; index < steps.size(); index++) {
      if (steps.get(index) instanceof AttributeStep attribute) {
        return Optional.of(attribute.name());
      }
    }
    return Optional.empty();
  }
}
