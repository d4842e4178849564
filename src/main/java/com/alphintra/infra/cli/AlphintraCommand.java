package com.alphintra.infra.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "alphintra",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Check the Alphintra platform infrastructure and bring it up.",
    description = {
      "Local k3d environment, static checks over infra/, and the Terraform workflow for Google Cloud."
    },
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    subcommands = {
      CheckCommand.class,
      DoctorCommand.class,
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      AccessCommand.class,
      CloudCommand.class,
      DevCommand.class,
      AutoComplete.GenerateCompletion.class
    })
final class AlphintraCommand implements Callable<Integer> {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @Spec CommandSpec spec;

  /**
   * Without a command there is nothing to do: show what there is, and say the invocation was
   * incomplete.
   */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .print(spec.commandLine().getUsageMessage(spec.commandLine().getColorScheme()));
    spec.commandLine()
        .getErr()
        .println("error: a command is required (for example: alphintra doctor)");
    return ExitCode.USAGE.code();
  }
}
