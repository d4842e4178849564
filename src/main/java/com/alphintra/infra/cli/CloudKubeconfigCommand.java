package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.KubeconfigReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "kubeconfig",
    mixinStandardHelpOptions = true,
    header = "Fetch an environment's GKE credentials as kube context alphintra-ENV.")
final class CloudKubeconfigCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin EnvironmentOption env;

  CloudKubeconfigCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    KubeconfigReport report = services.cloudWorkflow().kubeconfig(env.environment, console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
