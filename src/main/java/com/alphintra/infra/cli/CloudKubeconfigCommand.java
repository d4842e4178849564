package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.KubeconfigReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "kubeconfig",
    mixinStandardHelpOptions = true,
    header = "Fetch an environment's GKE credentials as kube context alphintra-ENV.")
final class CloudKubeconfigCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--env",
      required = true,
      paramLabel = "ENV",
      description = "The environment: ${COMPLETION-CANDIDATES}.")
  Environment environment;

  CloudKubeconfigCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    KubeconfigReport report = services.cloudWorkflow().kubeconfig(environment, console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
