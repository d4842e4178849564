package com.alphintra.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "cloud",
    mixinStandardHelpOptions = true,
    header = "Run the Terraform workflow for Google Cloud, gated by check.",
    description = {
      "bootstrap once per project, then plan, apply or destroy an environment (dev, staging, prod),"
          + " fetch its cluster credentials for 'alphintra up --context', write its Terraform"
          + " outputs into its Kubernetes overlay, and push and mirror its images."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      CloudBootstrapCommand.class,
      CloudPlanCommand.class,
      CloudApplyCommand.class,
      CloudDestroyCommand.class,
      CloudKubeconfigCommand.class,
      CloudOutputsCommand.class,
      CloudImagesCommand.class
    })
final class CloudCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .print(spec.commandLine().getUsageMessage(spec.commandLine().getColorScheme()));
    spec.commandLine()
        .getErr()
        .println(
            "error: a cloud command is required (for example: alphintra cloud plan --env dev)");
    return ExitCode.USAGE.code();
  }
}
