package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.PlanReport;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    header = "Check an environment, plan it, and apply exactly that plan.")
final class CloudApplyCommand extends CloudEnvironmentCommand {

  @Option(
      names = "--confirm",
      paramLabel = "ENV",
      description = "Required for prod: the environment's name.")
  String confirm;

  CloudApplyCommand(Services services) {
    super(services);
  }

  @Override
  PlanReport run(CloudWorkflow workflow, Consumer<String> console) {
    return workflow.apply(
        environment.environment(),
        environment.varFile(),
        environment.acceptFindings(),
        Optional.ofNullable(confirm),
        console);
  }
}
