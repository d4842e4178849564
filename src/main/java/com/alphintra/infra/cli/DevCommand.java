package com.alphintra.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    header = "Work on the sample service against the local environment.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = DevDeployCommand.class)
final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .print(spec.commandLine().getUsageMessage(spec.commandLine().getColorScheme()));
    spec.commandLine()
        .getErr()
        .println("error: a dev command is required (for example: alphintra dev deploy all)");
    return ExitCode.USAGE.code();
  }
}
