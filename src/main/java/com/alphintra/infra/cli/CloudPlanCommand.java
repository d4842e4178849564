package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.PlanReport;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    header = "Check an environment, then save and summarise its Terraform plan.")
final class CloudPlanCommand extends CloudEnvironmentCommand {

  CloudPlanCommand(Services services) {
    super(services);
  }

  @Override
  PlanReport run(CloudWorkflow workflow, Consumer<String> console) {
    return workflow.plan(
        environment.environment(), environment.varFile(), environment.acceptFindings(), console);
  }
}
