package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.PlanReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "destroy", mixinStandardHelpOptions = true,
    header = "Plan the destruction of an environment and apply it, unless deletion protection would block it.")
final class CloudDestroyCommand implements Callable<Integer> {

  private final Services services;

  @Spec
  CommandSpec spec;

  @Mixin
  CloudEnvironmentOptions environment;

  @Mixin
  OutputOptions output;

  @Option(names = "--confirm", paramLabel = "ENV", description = "Required for prod: the environment's name.")
  String confirm;

  CloudDestroyCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    PlanReport report = services.cloudWorkflow().destroy(environment.environment, environment.varFile(),
        environment.acceptFindings(), Optional.ofNullable(confirm), console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
