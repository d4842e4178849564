package com.alphintra.infra.local;

import com.alphintra.infra.doctor.CheckResult;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.DoctorReport;
import com.alphintra.infra.doctor.Requirements;
import com.alphintra.infra.doctor.Target;
import com.alphintra.infra.doctor.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 1: doctor's local target. Nothing to install, so "done" means every prerequisite is there
 * and applying it can only report what is missing. On an existing cluster ({@code --context}) only
 * Java and kubectl (for {@code kubectl kustomize}) are needed.
 */
final class PrerequisitesStep implements Step {

  private static final Set<String> FOR_EXISTING_CLUSTER = Set.of("java", "kubectl");

  private final Doctor doctor;
  private final Requirements requirements;
  private final boolean existingCluster;

  PrerequisitesStep(Doctor doctor, Requirements requirements, boolean existingCluster) {
    this.doctor = doctor;
    this.requirements = requirements;
    this.existingCluster = existingCluster;
  }

  @Override
  public String name() {
    return "prerequisites";
  }

  @Override
  public String description() {
    return existingCluster
        ? "check Java and kubectl (alphintra doctor)"
        : "check tools, Docker daemon, host ports, CPUs, memory and disk (alphintra doctor --target local)";
  }

  @Override
  public List<String> details() {
    List<String> details = new ArrayList<>();
    for (Tool tool : Tool.values()) {
      if (!tool.versionCommand().isEmpty()
          && tool.target() == Target.LOCAL
          && (!existingCluster || FOR_EXISTING_CLUSTER.contains(tool.command()))) {
        details.add("run: " + String.join(" ", tool.versionCommand()));
        if (tool == Tool.DOCKER) {
          details.add("run: docker info --format {{.ServerVersion}}");
        }
      }
    }
    if (!existingCluster) {
      details.add(
          "check: host ports "
              + requirements.hostPorts().stream()
                  .map(String::valueOf)
                  .collect(Collectors.joining(", "))
              + " free; CPUs, memory, disk");
    }
    return details;
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(1);
  }

  @Override
  public String hint() {
    return "install or start what the report lists, then run 'alphintra up' again";
  }

  @Override
  public boolean isDone() {
    return examine().isReady();
  }

  @Override
  public void apply() {
    DoctorReport report = examine();
    if (!report.isReady()) {
      throw new PrerequisitesMissingException(report);
    }
  }

  private DoctorReport examine() {
    DoctorReport report = doctor.examine(Target.LOCAL, requirements);
    if (!existingCluster) {
      return report;
    }
    List<CheckResult> needed =
        report.results().stream()
            .filter(result -> FOR_EXISTING_CLUSTER.contains(result.name()))
            .toList();
    return new DoctorReport(Target.LOCAL, needed);
  }

  @Override
  public void undo() {
    // Checking changes nothing, so there is nothing to undo.
  }
}
