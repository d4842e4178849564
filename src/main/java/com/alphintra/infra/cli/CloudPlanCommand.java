package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.PlanReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
    header = "Check an environment, then save and summarise its Terraform plan.")
final class CloudPlanCommand implements Callable<Integer> {

  private final Services services;

  @Spec
  CommandSpec spec;

  @Mixin
  CloudEnvironmentOptions environment;

  @Mixin
  OutputOptions output;

  CloudPlanCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    PlanReport report = services.cloudWorkflow().plan(environment.environment, environment.varFile(),
        environment.acceptFindings(), console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
