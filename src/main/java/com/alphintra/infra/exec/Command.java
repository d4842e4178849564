package com.alphintra.infra.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One invocation of an external program: its arguments, where and how long it may run, and
 * optionally a listener that sees each output line as it arrives (for programs such as terraform
 * whose output a person wants to watch while it runs).
 */
public record Command(
    List<String> arguments,
    Duration timeout,
    Optional<Path> workingDirectory,
    Map<String, String> environment,
    Optional<Consumer<String>> lineListener) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public Command {
    arguments = List.copyOf(arguments);
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program name");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    environment = Map.copyOf(environment);
  }

  public static Command of(String... arguments) {
    return new Command(
        List.of(arguments), DEFAULT_TIMEOUT, Optional.empty(), Map.of(), Optional.empty());
  }

  public static Command of(List<String> arguments) {
    return new Command(arguments, DEFAULT_TIMEOUT, Optional.empty(), Map.of(), Optional.empty());
  }

  public String program() {
    return arguments.get(0);
  }

  public Command withTimeout(Duration newTimeout) {
    return new Command(arguments, newTimeout, workingDirectory, environment, lineListener);
  }

  public Command inDirectory(Path directory) {
    return new Command(arguments, timeout, Optional.of(directory), environment, lineListener);
  }

  public Command withEnvironment(Map<String, String> extra) {
    return new Command(arguments, timeout, workingDirectory, extra, lineListener);
  }

  public Command streamingTo(Consumer<String> listener) {
    return new Command(arguments, timeout, workingDirectory, environment, Optional.of(listener));
  }

  /** The command line as it may be shown to a person: secret-looking values masked. */
  public String display() {
    return String.join(" ", Redaction.redactArguments(arguments));
  }
}
