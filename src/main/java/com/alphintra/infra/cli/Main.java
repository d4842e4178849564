package com.alphintra.infra.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: builds the services once, wires them into the commands, runs, exits. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(Services.production(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the tool with the given services and streams; returns the exit code instead of exiting.
   */
  public static int run(Services services, PrintWriter out, PrintWriter err, String... args) {
    return commandLine(services, out, err).execute(args);
  }

  public static CommandLine commandLine(Services services, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new AlphintraCommand(), new CommandFactory(services));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setExitCodeExceptionMapper(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodeList());
    // picocli's own command has no header; give it one like every other command's.
    commandLine
        .getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .hidden(false)
        .header("Generate a bash or zsh completion script.");
    return commandLine;
  }

  private static java.util.Map<String, String> exitCodeList() {
    java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      codes.put(String.valueOf(code.code()), code.meaning());
    }
    return codes;
  }
}
