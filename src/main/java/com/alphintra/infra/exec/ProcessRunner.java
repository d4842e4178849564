package com.alphintra.infra.exec;

/**
 * Runs external programs. The one way the tool starts a process; tests replace it with a fake that
 * records calls and replays scripted results.
 */
public interface ProcessRunner {

  /**
   * Runs the command to completion or until its timeout, whichever comes first. Never throws for a
   * failing, hanging or missing program: those are {@link ProcessResult.Status}es.
   */
  ProcessResult run(Command command);
}
