package com.alphintra.infra.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ProcessRunner} for tests: records every command and replays scripted outcomes, matched
 * by argument prefix; the last scripted match wins, so a test can override a default script.
 * Unscripted programs are "not installed".
 */
public final class FakeProcessRunner implements ProcessRunner {

  private final Map<List<String>, Function<Command, ProcessResult>> script = new LinkedHashMap<>();
  private final List<Command> calls = new ArrayList<>();

  public FakeProcessRunner succeeds(String stdout, String... argumentPrefix) {
    return respond(
        command -> ProcessResult.exited(command, 0, stdout, "", Duration.ofMillis(5)),
        argumentPrefix);
  }

  public FakeProcessRunner fails(int exitCode, String stderr, String... argumentPrefix) {
    return respond(
        command -> ProcessResult.exited(command, exitCode, "", stderr, Duration.ofMillis(5)),
        argumentPrefix);
  }

  public FakeProcessRunner hangs(String... argumentPrefix) {
    return respond(
        command -> ProcessResult.timedOut(command, "", "", command.timeout()), argumentPrefix);
  }

  public FakeProcessRunner missing(String... argumentPrefix) {
    return respond(ProcessResult::notFound, argumentPrefix);
  }

  public FakeProcessRunner respond(
      Function<Command, ProcessResult> outcome, String... argumentPrefix) {
    script.remove(List.of(argumentPrefix));
    script.put(List.of(argumentPrefix), outcome);
    return this;
  }

  @Override
  public synchronized ProcessResult run(Command command) {
    calls.add(command);
    List<String> arguments = command.arguments();
    Function<Command, ProcessResult> last = null;
    for (Map.Entry<List<String>, Function<Command, ProcessResult>> entry : script.entrySet()) {
      List<String> prefix = entry.getKey();
      if (prefix.size() <= arguments.size() && arguments.subList(0, prefix.size()).equals(prefix)) {
        last = entry.getValue();
      }
    }
    ProcessResult result = last == null ? ProcessResult.notFound(command) : last.apply(command);
    // Like the real runner, a listener sees every output line.
    command
        .lineListener()
        .ifPresent(
            listener -> {
              result.stdout().lines().forEach(listener);
              result.stderr().lines().forEach(listener);
            });
    return result;
  }

  public synchronized List<Command> calls() {
    return List.copyOf(calls);
  }

  /**
   * Each call's arguments joined by spaces, in order: easy to compare with an expected sequence.
   */
  public synchronized List<String> commandLines() {
    return calls.stream().map(command -> String.join(" ", command.arguments())).toList();
  }
}
