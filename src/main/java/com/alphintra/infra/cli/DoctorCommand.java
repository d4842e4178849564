package com.alphintra.infra.cli;

import com.alphintra.infra.doctor.DoctorReport;
import com.alphintra.infra.doctor.RequirementsReader;
import com.alphintra.infra.doctor.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Check that the prerequisites are installed, in the right versions.",
    description = {
      "Checks Java, Docker (CLI and daemon), k3d, kubectl, terraform, gcloud and its credentials;"
          + " for the local target also free host ports, CPUs, memory and disk. Says how to install what is missing."
    })
final class DoctorCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      defaultValue = "all",
      description = "What to check for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Target target;

  DoctorCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    DoctorReport report =
        services.doctor().examine(target, RequirementsReader.read(services.requireWorkspace()));
    if (output.isJson()) {
      spec.commandLine().getOut().println(new Json().write(DoctorReportView.json(report)));
    } else {
      spec.commandLine()
          .getOut()
          .print(DoctorReportView.text(report, spec.commandLine().getColorScheme().ansi()));
    }
    return report.isReady() ? ExitCode.OK.code() : ExitCode.MISSING_PREREQUISITES.code();
  }
}
