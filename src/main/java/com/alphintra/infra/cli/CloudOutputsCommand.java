package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.OutputsReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "outputs",
    mixinStandardHelpOptions = true,
    header = "Write an environment's Terraform outputs into its Kubernetes overlay.",
    description = {
      "Reads the environment's Terraform state (or a saved 'terraform output -json' or 'terraform"
          + " state pull' with --from) and writes infra/kubernetes/overlays/ENV/cloud-outputs.env,"
          + " which the overlay's kustomization reads: project, registry, service accounts, Cloud"
          + " SQL and Memorystore addresses, Secret Manager ids, and the state's serial. 'cloud"
          + " apply' runs it after every apply."
    })
final class CloudOutputsCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin EnvironmentOption env;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "Read a saved 'terraform output -json' or 'terraform state pull' instead.")
  Path from;

  CloudOutputsCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    OutputsReport report =
        services.cloudWorkflow().outputs(env.environment, Optional.ofNullable(from), console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
