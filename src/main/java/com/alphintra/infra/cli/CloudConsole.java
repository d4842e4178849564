package com.alphintra.infra.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a cloud command writes: Terraform's streamed output goes to standard output for people, and
 * to standard error under {@code --output json} so that standard output holds only the JSON
 * summary.
 */
record CloudConsole(PrintWriter stream, PrintWriter out, boolean json) {

  static CloudConsole of(CommandSpec spec, OutputOptions output) {
    PrintWriter out = spec.commandLine().getOut();
    return new CloudConsole(
        output.isJson() ? spec.commandLine().getErr() : out, out, output.isJson());
  }

  void line(String line) {
    stream.println(line);
    stream.flush();
  }

  void report(String text, Map<String, Object> jsonReport) {
    if (json) {
      out.println(new Json().write(jsonReport));
    } else {
      out.println();
      out.print(text);
    }
    out.flush();
  }
}
