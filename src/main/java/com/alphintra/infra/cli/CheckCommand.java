package com.alphintra.infra.cli;

import com.alphintra.infra.check.CheckOptions;
import com.alphintra.infra.check.CheckReport;
import com.alphintra.infra.check.CheckRequest;
import com.alphintra.infra.check.Checker;
import com.alphintra.infra.check.EnvironmentDiff;
import com.alphintra.infra.check.ReportFormat;
import com.alphintra.infra.check.RuleCatalog;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.workspace.ChartCache;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    header = "Check infra/ against the security and consistency rules.",
    description = {
      "Reads the Terraform, Kubernetes, Istio and k3d files under infra/ (and each",
      "kustomize overlay as kubectl renders it), runs every rule and reports each",
      "finding with its fix. Exit 1 on findings at or above --severity; exit 2 on a",
      "malformed or unreadable file, after checking and reporting all the others.",
      "Accept one finding with a comment on or just above its line:",
      "  alphintra:ignore RULE-ID reason=\"why it is acceptable\""
    })
final class CheckCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Folder to check (default: the repository's infra/).")
  Path path;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--severity",
      paramLabel = "LEVEL",
      defaultValue = "low",
      description =
          "Show and fail on findings at or above: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Severity severity;

  @Option(
      names = "--rule",
      paramLabel = "ID",
      split = ",",
      description = "Run only these rules (repeatable).")
  List<String> rules = List.of();

  @Option(
      names = "--skip-rule",
      paramLabel = "ID",
      split = ",",
      description = "Do not run these rules (repeatable).")
  List<String> skippedRules = List.of();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Accept the findings listed in this file.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Write the current findings to this file as a baseline, and accept them.")
  Path writeBaseline;

  @Option(names = "--list-rules", description = "Print the rule catalog and exit.")
  boolean listRules;

  @Option(
      names = "--provider-schema",
      paramLabel = "FILE",
      description =
          "Validate resources against this output of 'terraform providers schema -json'"
              + " (default: read by terraform from initialised directories).")
  Path providerSchema;

  @Option(
      names = "--charts",
      paramLabel = "DIR",
      description =
          "Render the Helm releases from the chart archives <chart>-<version>.tgz in DIR"
              + " (default: the cache 'up' fills, $${XDG_CACHE_HOME:-~/.cache}/alphintra/charts);"
              + " releases without an archive are skipped with a note.")
  Path charts;

  @Option(
      names = "--env-diff",
      description =
          "Print how security and reliability settings differ between dev, staging and prod, and exit.")
  boolean envDiff;

  CheckCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Checker checker = services.checker();
    if (listRules) {
      spec.commandLine()
          .getOut()
          .print(
              format == ReportFormat.TEXT
                  ? RuleCatalog.text(checker.registry().catalog())
                  : RuleCatalog.json(checker.registry().catalog()));
      return ExitCode.OK.code();
    }
    Path target = path != null ? path : services.requireWorkspace().infra();
    if (envDiff) {
      return printEnvironmentDiff(checker, target);
    }
    CheckOptions options =
        new CheckOptions(ids(rules), ids(skippedRules), severity, Optional.empty());
    CheckReport report =
        checker.check(
            new CheckRequest(
                target,
                options,
                Optional.ofNullable(baseline),
                Optional.ofNullable(writeBaseline),
                Optional.ofNullable(providerSchema),
                Optional.of(charts != null ? charts : ChartCache.folder(System.getenv()))));
    String rendered =
        format
            .reporter(spec.commandLine().getColorScheme().ansi(), VersionProvider.toolVersion())
            .render(report);
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    if (report.hasLoadErrors()) {
      if (format != ReportFormat.TEXT) {
        report
            .loadErrors()
            .forEach(
                error ->
                    spec.commandLine()
                        .getErr()
                        .println("error: " + error.message() + " (" + error.location() + ")"));
      }
      return ExitCode.USAGE.code();
    }
    return report.hasFindings() ? ExitCode.NOT_OK.code() : ExitCode.OK.code();
  }

  private int printEnvironmentDiff(Checker checker, Path target) {
    if (format == ReportFormat.SARIF) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--env-diff prints text or json, not sarif: use --output text or --output json");
    }
    EnvironmentDiff diff = checker.environmentDiff(target, Optional.ofNullable(providerSchema));
    spec.commandLine().getOut().print(format == ReportFormat.JSON ? diff.json() : diff.text());
    spec.commandLine().getOut().flush();
    if (!diff.loadErrors().isEmpty()) {
      return ExitCode.USAGE.code();
    }
    return diff.hasWrongDirection() ? ExitCode.NOT_OK.code() : ExitCode.OK.code();
  }

  private static Set<String> ids(List<String> values) {
    Set<String> ids = new LinkedHashSet<>();
    values.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
    return ids;
  }
}
