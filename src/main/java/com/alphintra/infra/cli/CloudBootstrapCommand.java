package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.BootstrapReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    header =
        "Create a project's state bucket, long-lived KMS keys and deployer identity; print"
            + " the backend settings.")
final class CloudBootstrapCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--project",
      required = true,
      paramLabel = "ID",
      description = "The Google Cloud project id.")
  String project;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      defaultValue = "us-east4",
      description = "Where the state bucket lives (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--github-repository",
      paramLabel = "OWNER/NAME",
      description =
          "Let this repository's GitHub Actions runs deploy as the deployer service account"
              + " (Workload Identity Federation, no key).")
  String githubRepository;

  @Option(
      names = "--deployer-service-account",
      paramLabel = "EMAIL",
      description =
          "Grant this project's deployer roles to the deployer another project's bootstrap created,"
              + " instead of creating one: one identity deploys every environment.")
  String deployerServiceAccount;

  CloudBootstrapCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    BootstrapReport report =
        services
            .cloudWorkflow()
            .bootstrap(
                project,
                region,
                Optional.ofNullable(githubRepository),
                Optional.ofNullable(deployerServiceAccount),
                console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
