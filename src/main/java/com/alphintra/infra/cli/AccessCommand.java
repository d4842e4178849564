package com.alphintra.infra.cli;

import com.alphintra.infra.local.AccessSession;
import com.alphintra.infra.local.Addon;
import com.alphintra.infra.local.Durations;
import com.alphintra.infra.local.OpenForward;
import com.alphintra.infra.local.ShutdownInterrupt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    header = "Open the dashboards: port-forwards on 127.0.0.1.",
    description = {
      "Forwards Kiali, Grafana, Jaeger and Prometheus to 127.0.0.1 and prints their URLs. A busy"
          + " local port moves to the next free one. Ctrl-C closes the forwards."
    })
final class AccessCommand implements Callable<Integer> {

  /** Which dashboards: one of them, or all. */
  enum Choice {
    KIALI,
    GRAFANA,
    JAEGER,
    PROMETHEUS,
    ALL
  }

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ADDON",
      defaultValue = "all",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Choice choice;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      hidden = true,
      description = "Close the forwards after this long (ISO-8601, such as PT10M), for scripts.")
  Duration holdFor;

  AccessCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    List<Addon> addons =
        choice == Choice.ALL
            ? Arrays.asList(Addon.values())
            : List.of(Addon.valueOf(choice.name()));
    PrintWriter out = spec.commandLine().getOut();
    try (ShutdownInterrupt ctrlC = ShutdownInterrupt.forCurrentThread();
        AccessSession session =
            services
                .localEnvironment()
                .access(addons, context.context(), port -> services.host().isPortFree(port))) {
      for (OpenForward forward : session.forwards()) {
        out.printf(
            Locale.ROOT,
            "%-11s %s%s%n",
            forward.addon().label(),
            forward.url(),
            forward.busyPreferredPort().isPresent()
                ? "  (port "
                    + forward.busyPreferredPort().getAsInt()
                    + " was busy, moved to "
                    + forward.localPort()
                    + ")"
                : "");
      }
      out.println(
          holdFor == null
              ? "Forwarding; press Ctrl-C to close."
              : "Forwarding for " + Durations.format(holdFor) + ".");
      out.flush();
      try {
        Thread.sleep(holdFor == null ? Long.MAX_VALUE : holdFor.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    out.println("Closed the port-forwards.");
    out.flush();
    return ExitCode.OK.code();
  }
}
