package com.alphintra.infra.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line with given services and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(Services services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(services, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
