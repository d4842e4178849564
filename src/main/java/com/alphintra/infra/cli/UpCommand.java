package com.alphintra.infra.cli;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.local.PrerequisitesMissingException;
import com.alphintra.infra.local.RunReport;
import com.alphintra.infra.local.ShutdownInterrupt;
import com.alphintra.infra.local.UpRequest;
import com.alphintra.infra.local.UpResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    header = "Bring up the local environment, rolling back on failure.",
    description = {
      "Steps, in order: prerequisites, cluster (k3d with registry), istio, tls, images, platform, observability,"
          + " verify."
          + " A step already in place is left alone, so running up twice changes nothing. On a failure or Ctrl-C the"
          + " steps this run applied are undone, newest first."
    })
final class UpCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin ContextOption context;

  @Option(
      names = "--dry-run",
      description = "Print the plan (steps, programs, charts, objects) and touch nothing.")
  boolean dryRun;

  @Option(names = "--only", paramLabel = "STEP", description = "Run only this step.")
  String only;

  @Option(
      names = "--from",
      paramLabel = "STEP",
      description = "Run this step and the ones after it.")
  String from;

  @Option(
      names = "--keep-on-failure",
      description = "Leave what was applied in place when a step fails, to inspect it.")
  boolean keepOnFailure;

  @Option(
      names = "--overlay",
      paramLabel = "NAME",
      defaultValue = UpRequest.LOCAL_OVERLAY,
      description =
          "The overlay to install: local, or dev, staging, prod with --context (default: ${DEFAULT-VALUE}).")
  String overlay;

  @Option(
      names = "--allow-remote-context",
      description =
          "Let the local overlay go onto a cluster whose API server is not on this machine.")
  boolean allowRemoteContext;

  UpCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    UpRequest request =
        new UpRequest(
            dryRun,
            context.context(),
            Optional.ofNullable(only),
            Optional.ofNullable(from),
            keepOnFailure,
            overlay,
            allowRemoteContext);
    PrintWriter out = spec.commandLine().getOut();
    UpView view = new UpView(out, spec.commandLine().getColorScheme().ansi(), !output.isJson());
    UpResult result;
    try (ShutdownInterrupt ctrlC = ShutdownInterrupt.forCurrentThread()) {
      result = services.localEnvironment().up(request, view);
      print(result, view, out);
      out.flush();
    }
    Optional<RunReport> report = result.report();
    if (report.isEmpty() || report.get().succeeded()) {
      return ExitCode.OK.code();
    }
    Optional<RuntimeException> cause =
        report.get().failure().flatMap(failure -> failure.exception());
    if (cause
        .filter(
            exception ->
                exception instanceof PrerequisitesMissingException
                    || exception instanceof MissingPrerequisiteException)
        .isPresent()) {
      return ExitCode.MISSING_PREREQUISITES.code();
    }
    return cause.filter(InputException.class::isInstance).isPresent()
        ? ExitCode.USAGE.code()
        : ExitCode.NOT_OK.code();
  }

  private void print(UpResult result, UpView view, PrintWriter out) {
    if (output.isJson()) {
      out.println(new Json().write(UpView.json(result)));
    } else if (result.report().isEmpty()) {
      out.print(UpView.plan(result));
    } else {
      out.print(view.report(result));
    }
  }
}
