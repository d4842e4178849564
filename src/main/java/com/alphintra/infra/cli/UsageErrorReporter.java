package com.alphintra.infra.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad arguments: the reason, the usage of the command that was meant, exit 2. */
final class UsageErrorReporter implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText("error: " + exception.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.print(commandLine.getUsageMessage(commandLine.getColorScheme()));
    err.println(
        "hint: run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options");
    err.flush();
    return ExitCode.USAGE.code();
  }
}
