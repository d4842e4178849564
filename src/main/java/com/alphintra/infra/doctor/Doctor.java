package com.alphintra.infra.doctor;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the prerequisites of a target: tools in the right versions, a reachable Docker daemon,
 * Google credentials, and for the local target free host ports, CPUs, memory and disk. Every probe
 * has a timeout, so doctor never hangs.
 */
public final class Doctor {

  static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(10);

  private static final InstallHint START_DOCKER =
      new InstallHint(
          "start the daemon: sudo systemctl start docker (and add yourself to the docker group)",
          "start Docker Desktop (or: colima start)");
  private static final InstallHint ADC_LOGIN =
      InstallHint.same("gcloud auth application-default login");
  private static final InstallHint FREE_PORT =
      new InstallHint(
          "stop what uses it (sudo ss -ltnp 'sport = :PORT' shows it) or change the port in cluster-config.yaml",
          "stop what uses it (lsof -nP -iTCP:PORT -sTCP:LISTEN shows it) or change the port in cluster-config.yaml");

  private final ProcessRunner processes;
  private final HostProbe host;

  public Doctor(ProcessRunner processes, HostProbe host) {
    this.processes = processes;
    this.host = host;
  }

  public DoctorReport examine(Target target, Requirements requirements) {
    List<CheckResult> results = new ArrayList<>();
    for (Tool tool : Tool.values()) {
      if (!target.includes(tool.target()) && tool.target() != Target.ALL) {
        continue;
      }
      CheckResult result = tool == Tool.JAVA ? java(requirements) : program(tool, requirements);
      results.add(result);
      if (tool == Tool.DOCKER
          && result.status() != Status.MISSING
          && result.status() != Status.TIMED_OUT) {
        results.add(dockerDaemon());
      }
      if (tool == Tool.GCLOUD && result.isOk()) {
        results.add(applicationDefaultCredentials());
      }
    }
    if (target.includes(Target.LOCAL)) {
      results.addAll(hostResources(requirements));
      for (int port : requirements.hostPorts()) {
        results.add(hostPort(port));
      }
    }
    return new DoctorReport(target, results);
  }

  private CheckResult java(Requirements requirements) {
    Version minimum = requirements.minimum(Tool.JAVA);
    String running = host.javaVersion();
    Optional<Version> found = Version.find(running);
    boolean ok = found.map(version -> version.isAtLeast(minimum)).orElse(false);
    return new CheckResult(
        "java",
        Target.ALL,
        ok ? Status.OK : Status.TOO_OLD,
        Optional.of(running),
        ">= " + minimum,
        ok ? "the Java runtime running this tool" : "this tool needs Java " + minimum + " or newer",
        ok ? Optional.empty() : Optional.of(Tool.JAVA.install()));
  }

  private CheckResult program(Tool tool, Requirements requirements) {
    Optional<Version> minimum = requirements.minimumOf(tool);
    ProcessResult result =
        processes.run(Command.of(tool.versionCommand()).withTimeout(VERSION_TIMEOUT));
    String required = minimum.map(version -> ">= " + version).orElse("any version");
    return switch (result.status()) {
      case NOT_FOUND ->
          new CheckResult(
              tool.command(),
              tool.target(),
              Status.MISSING,
              Optional.empty(),
              required,
              "'" + tool.command() + "' is not on the PATH",
              Optional.of(tool.install()));
      case TIMED_OUT ->
          new CheckResult(
              tool.command(),
              tool.target(),
              Status.TIMED_OUT,
              Optional.empty(),
              required,
              "'"
                  + String.join(" ", tool.versionCommand())
                  + "' gave no answer within "
                  + VERSION_TIMEOUT.toSeconds()
                  + "s",
              Optional.of(tool.install()));
      case EXITED -> versionOf(tool, result, minimum, required);
    };
  }

  private static CheckResult versionOf(
      Tool tool, ProcessResult result, Optional<Version> minimum, String required) {
    Optional<Version> found = Version.find(result.output());
    if (found.isEmpty()) {
      return new CheckResult(
          tool.command(),
          tool.target(),
          Status.UNAVAILABLE,
          Optional.empty(),
          required,
          "'"
              + String.join(" ", tool.versionCommand())
              + "' printed no version (exit "
              + result.exitCode()
              + ")",
          Optional.of(tool.install()));
    }
    Version version = found.get();
    if (minimum.isPresent() && !version.isAtLeast(minimum.get())) {
      return new CheckResult(
          tool.command(),
          tool.target(),
          Status.TOO_OLD,
          Optional.of(version.toString()),
          required,
          tool.command() + " " + version + " is older than " + minimum.get(),
          Optional.of(tool.install()));
    }
    return new CheckResult(
        tool.command(),
        tool.target(),
        Status.OK,
        Optional.of(version.toString()),
        required,
        "found on the PATH",
        Optional.empty());
  }

  private CheckResult dockerDaemon() {
    ProcessResult result =
        processes.run(
            Command.of("docker", "info", "--format", "{{.ServerVersion}}")
                .withTimeout(DAEMON_TIMEOUT));
    String name = "docker daemon";
    return switch (result.status()) {
      case NOT_FOUND ->
          new CheckResult(
              name,
              Target.LOCAL,
              Status.MISSING,
              Optional.empty(),
              "reachable",
              "'docker' is not on the PATH",
              Optional.of(Tool.DOCKER.install()));
      case TIMED_OUT ->
          new CheckResult(
              name,
              Target.LOCAL,
              Status.TIMED_OUT,
              Optional.empty(),
              "reachable",
              "the Docker daemon did not answer within " + DAEMON_TIMEOUT.toSeconds() + "s",
              Optional.of(START_DOCKER));
      case EXITED ->
          result.succeeded() && Version.find(result.stdout()).isPresent()
              ? new CheckResult(
                  name,
                  Target.LOCAL,
                  Status.OK,
                  Version.find(result.stdout()).map(Version::toString),
                  "reachable",
                  "the daemon answers",
                  Optional.empty())
              : new CheckResult(
                  name,
                  Target.LOCAL,
                  Status.UNAVAILABLE,
                  Optional.empty(),
                  "reachable",
                  "the Docker daemon is not reachable: " + firstLine(result.output()),
                  Optional.of(START_DOCKER));
    };
  }

  private CheckResult applicationDefaultCredentials() {
    String name = "gcloud application-default credentials";
    return host.applicationDefaultCredentials()
        .map(
            file ->
                new CheckResult(
                    name,
                    Target.CLOUD,
                    Status.OK,
                    Optional.of(file.toString()),
                    "present",
                    "Terraform's Google provider will use these",
                    Optional.<InstallHint>empty()))
        .orElseGet(
            () ->
                new CheckResult(
                    name,
                    Target.CLOUD,
                    Status.MISSING,
                    Optional.empty(),
                    "present",
                    "no application-default credentials (GOOGLE_APPLICATION_CREDENTIALS or gcloud's default file)",
                    Optional.of(ADC_LOGIN)));
  }

  private List<CheckResult> hostResources(Requirements requirements) {
    int cpus = host.availableProcessors();
    long memory = host.totalMemoryBytes();
    long disk = host.usableDiskBytes(requirements.dataDirectory());
    InstallHint moreResources =
        new InstallHint(
            "use a bigger machine, or give the Docker VM more resources",
            "raise the CPU, memory and disk limits of Docker Desktop or colima");
    return List.of(
        amount(
            "cpus",
            cpus >= Requirements.MIN_CPUS,
            String.valueOf(cpus),
            ">= " + Requirements.MIN_CPUS,
            cpus + " available to the JVM (4 or more is comfortable)",
            moreResources),
        amount(
            "memory",
            memory >= Requirements.MIN_MEMORY_BYTES,
            gibibytes(memory),
            ">= " + gibibytes(Requirements.MIN_MEMORY_BYTES),
            "total physical memory",
            moreResources),
        amount(
            "disk",
            disk >= Requirements.MIN_DISK_BYTES,
            gibibytes(disk),
            ">= " + gibibytes(Requirements.MIN_DISK_BYTES),
            "free under " + requirements.dataDirectory(),
            moreResources));
  }

  private static CheckResult amount(
      String name, boolean enough, String found, String required, String detail, InstallHint fix) {
    return new CheckResult(
        name,
        Target.LOCAL,
        enough ? Status.OK : Status.UNAVAILABLE,
        Optional.of(found),
        required,
        detail,
        enough ? Optional.empty() : Optional.of(fix));
  }

  private CheckResult hostPort(int port) {
    boolean free = host.isPortFree(port);
    String portText = String.valueOf(port);
    return new CheckResult(
        "host port " + port,
        Target.LOCAL,
        free ? Status.OK : Status.UNAVAILABLE,
        Optional.of(free ? "free" : "in use"),
        "free",
        free
            ? "the k3d config publishes this port"
            : "the k3d config publishes this port, but something else uses it",
        free
            ? Optional.empty()
            : Optional.of(
                new InstallHint(
                    FREE_PORT.linux().replace("PORT", portText),
                    FREE_PORT.macos().replace("PORT", portText))));
  }

  private static String gibibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
