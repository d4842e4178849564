package com.alphintra.infra.cloud;

import com.alphintra.infra.check.CheckOptions;
import com.alphintra.infra.check.CheckReport;
import com.alphintra.infra.check.CheckRequest;
import com.alphintra.infra.check.Checker;
import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.platform.LoadError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The production gate: {@code alphintra check} over {@code infra/} as {@code check} judges it
 * (Terraform, every rendered overlay, and the objects of the Helm releases rendered from the chart
 * archives of {@code charts}, skipped with a note when an archive is absent), keeping what concerns
 * the environment: its own root, the shared modules and bootstrap, not the other environments'
 * roots; the findings of its overlay and of every overlay, not those only other overlays have.
 * Findings at HIGH or above block, and so does a file that cannot be parsed: what cannot be checked
 * cannot be trusted.
 */
public final class CheckPolicyGate implements PolicyGate {

  static final Severity THRESHOLD = Severity.HIGH;

  private final Checker checker;
  private final Path repositoryRoot;
  private final Path terraformRoot;
  private final Optional<Path> charts;

  /**
   * @param charts the folder of chart archives {@code check} renders the Helm releases from (the
   *     chart cache); empty: no Helm release is rendered
   */
  public CheckPolicyGate(
      Checker checker, Path repositoryRoot, Path terraformRoot, Optional<Path> charts) {
    this.checker = checker;
    this.repositoryRoot = repositoryRoot;
    this.terraformRoot = terraformRoot;
    this.charts = charts;
  }

  @Override
  public GateVerdict evaluate(Environment environment) {
    CheckReport report =
        checker.check(
            new CheckRequest(
                terraformRoot.getParent(),
                new CheckOptions(Set.of(), Set.of(), THRESHOLD, Optional.empty()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                charts));
    List<String> blocking = new ArrayList<>();
    for (LoadError error : report.loadErrors()) {
      blocking.add("ERROR " + error.location() + " " + error.message());
    }
    for (Finding finding : report.findings()) {
      if (concerns(finding, environment)) {
        blocking.add(
            finding.severity()
                + " "
                + finding.rule()
                + " "
                + finding.file()
                + ":"
                + finding.line()
                + " "
                + finding.message());
      }
    }
    return new GateVerdict(blocking, report.belowThreshold(), report.notes());
  }

  /**
   * Whether a finding is about what the environment deploys: not in another environment's root or
   * overlay folder, and made in the environment's overlay when it names overlays at all.
   */
  private boolean concerns(Finding finding, Environment environment) {
    Path environments = repositoryRoot.relativize(terraformRoot.resolve("environments"));
    Path overlays = repositoryRoot.relativize(terraformRoot.resolveSibling("kubernetes/overlays"));
    for (Path folder : List.of(environments, overlays)) {
      if (finding.file().startsWith(folder)
          && !finding.file().startsWith(folder.resolve(environment.id()))) {
        return false;
      }
    }
    return finding.overlays().isEmpty() || finding.overlays().contains(environment.id());
  }
}
