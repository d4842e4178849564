package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.PlanReport;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    header =
        "Plan the destruction of an environment and apply it, unless deletion protection would block it.")
final class CloudDestroyCommand extends CloudEnvironmentCommand {

  @Option(
      names = "--confirm",
      paramLabel = "ENV",
      description = "Required for prod: the environment's name.")
  String confirm;

  CloudDestroyCommand(Services services) {
    super(services);
  }

  @Override
  PlanReport run(CloudWorkflow workflow, Consumer<String> console) {
    return workflow.destroy(
        environment.environment(),
        environment.varFile(),
        environment.acceptFindings(),
        Optional.ofNullable(confirm),
        console);
  }
}
