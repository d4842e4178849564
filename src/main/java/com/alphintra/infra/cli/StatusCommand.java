package com.alphintra.infra.cli;

import com.alphintra.infra.local.HealthReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Show the health of the local environment.",
    description = {
      "Nodes, system pods, the Istio version and mTLS mode per namespace, add-ons and platform"
          + " workloads with readiness, sidecars, and whether the ingress gateway answers. Exit 0 healthy, 1 otherwise."
          + " With --deep also a smoke test through the mesh: one traced request through the ingress gateway must cross"
          + " every edge of the call graph, a call the graph does not declare must be denied, the trace must reach"
          + " Jaeger, and Istio's metrics must show mutual TLS on every edge."
    })
final class StatusCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin ContextOption context;

  @Option(
      names = "--deep",
      description =
          "Also send traffic through the mesh and check routing, denial, tracing and mTLS.")
  boolean deep;

  StatusCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws InterruptedException {
    HealthReport report =
        deep
            ? services.localEnvironment().deepStatus(context.context())
            : services.localEnvironment().status(context.context());
    if (output.isJson()) {
      spec.commandLine().getOut().println(new Json().write(StatusView.json(report)));
    } else {
      spec.commandLine()
          .getOut()
          .print(StatusView.text(report, spec.commandLine().getColorScheme().ansi()));
    }
    return report.isHealthy() ? ExitCode.OK.code() : ExitCode.NOT_OK.code();
  }
}
