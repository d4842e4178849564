package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.PlanReport;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What plan, apply and destroy share: the environment options, the console, and the summary they
 * print.
 */
abstract class CloudEnvironmentCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin CloudEnvironmentOptions environment;

  @Mixin OutputOptions output;

  CloudEnvironmentCommand(Services services) {
    this.services = services;
  }

  /** The one workflow call this command makes. */
  abstract PlanReport run(CloudWorkflow workflow, Consumer<String> console);

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    PlanReport report = run(services.cloudWorkflow(), console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
