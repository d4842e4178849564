package com.alphintra.infra.cli;

import com.alphintra.infra.dev.DeployRequest;
import com.alphintra.infra.dev.DeployResult;
import com.alphintra.infra.local.ShutdownInterrupt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    header = "Build the sample service, push its image and roll it out.",
    description = {
      "Compiles services/sample-service (Maven), builds its image with Jib and pushes it to the local registry,"
          + " sets the Deployments of SERVICE (or all of them) to the pushed digest and waits until they are available,"
          + " printing each phase's duration. If the new pods do not become available the previous image is restored."
          + " With --watch, does it again after every change of the service's sources, until Ctrl-C."
    })
final class DevDeployCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin ContextOption context;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "1..*",
      description =
          "A platform service that runs the sample image (api-gateway, trading-engine, ...), or all.")
  List<String> serviceNames;

  @Option(
      names = "--watch",
      description = "Deploy again after every change of the sample service's sources.")
  boolean watch;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT2M",
      description =
          "How long the new pods may take to become available, in ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--registry",
      paramLabel = "HOST:PORT",
      description =
          "Where to push from this machine (default: the registry's host address in the k3d config,"
              + " such as 127.0.0.1:5000).")
  String registry;

  @Option(
      names = "--quiet-period",
      paramLabel = "DURATION",
      defaultValue = "PT0.5S",
      hidden = true,
      description = "With --watch: how long the sources must be still before a pass starts.")
  Duration quietPeriod;

  DevDeployCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws InterruptedException {
    DeployRequest request =
        new DeployRequest(serviceNames, context.context(), timeout, Optional.ofNullable(registry));
    PrintWriter out = spec.commandLine().getOut();
    DevDeployView view = new DevDeployView(out, !output.isJson());
    if (watch) {
      try (ShutdownInterrupt ctrlC = ShutdownInterrupt.forCurrentThread()) {
        out.println("watching " + services.devLoop().image().sources() + " (Ctrl-C stops)");
        out.flush();
        services.devLoop().watch(request, view, quietPeriod);
      } catch (InterruptedException stopped) {
        out.println("stopped watching");
      }
      return ExitCode.OK.code();
    }
    DeployResult result = services.devLoop().deploy(request, view);
    if (output.isJson()) {
      out.println(new Json().write(DevDeployView.json(result)));
    } else {
      out.print(DevDeployView.text(result));
    }
    return ExitCode.OK.code();
  }
}
