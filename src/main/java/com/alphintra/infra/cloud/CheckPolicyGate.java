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
 * The production gate: {@code alphintra check} over the Terraform tree, keeping what concerns the
 * environment (its own root and the shared modules and bootstrap, not the other environments'
 * roots). Findings at HIGH or above block, and so does a file that cannot be parsed: what cannot be
 * checked cannot be trusted.
 */
public final class CheckPolicyGate implements PolicyGate {

  static final Severity THRESHOLD = Severity.HIGH;

  private final Checker checker;
  private final Path repositoryRoot;
  private final Path terraformRoot;

  public CheckPolicyGate(Checker checker, Path repositoryRoot, Path terraformRoot) {
    this.checker = checker;
    this.repositoryRoot = repositoryRoot;
    this.terraformRoot = terraformRoot;
  }

  @Override
  public GateVerdict evaluate(Environment environment) {
    CheckReport report =
        checker.check(
            new CheckRequest(
                terraformRoot,
                new CheckOptions(Set.of(), Set.of(), THRESHOLD, Optional.empty()),
                Optional.empty(),
                Optional.empty()));
    Path environments = repositoryRoot.relativize(terraformRoot.resolve("environments"));
    Path own = environments.resolve(environment.id());
    List<String> blocking = new ArrayList<>();
    for (LoadError error : report.loadErrors()) {
      blocking.add("ERROR " + error.location() + " " + error.message());
    }
    for (Finding finding : report.findings()) {
      boolean otherEnvironment =
          finding.file().startsWith(environments) && !finding.file().startsWith(own);
      if (!otherEnvironment) {
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
    return new GateVerdict(blocking, report.belowThreshold());
  }
}
