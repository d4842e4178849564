package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a check found, ready for a reporter.
 *
 * @param root the repository root the file paths are relative to
 * @param findings the findings at or above the threshold, not suppressed nor in the baseline,
 *     sorted
 * @param unsuppressed every finding not suppressed by a comment, at any severity, before the
 *     baseline: what {@code --write-baseline} writes
 * @param rules the catalog entries of the rules that ran, sorted by id
 * @param catalog every catalog entry, for reporters that describe the rules of their findings
 * @param suppressed how many findings comments suppressed
 * @param baselined how many findings the baseline accepted
 * @param belowThreshold how many findings were below the threshold
 * @param threshold the threshold
 * @param files how many files were read
 * @param loadErrors files that could not be read or parsed (exit 2, the rest still checked)
 * @param notes what a person should know about how complete the check was
 * @param baselineWritten the file {@code --write-baseline} wrote, if any
 */
public record CheckReport(
    Path root,
    List<Finding> findings,
    List<Finding> unsuppressed,
    List<RuleInfo> rules,
    List<RuleInfo> catalog,
    int suppressed,
    int baselined,
    int belowThreshold,
    Severity threshold,
    int files,
    List<LoadError> loadErrors,
    List<String> notes,
    Optional<Path> baselineWritten) {

  public CheckReport {
    findings = List.copyOf(findings);
    unsuppressed = List.copyOf(unsuppressed);
    rules = List.copyOf(rules);
    catalog = List.copyOf(catalog);
    loadErrors = List.copyOf(loadErrors);
    notes = List.copyOf(notes);
  }

  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  public boolean hasLoadErrors() {
    return !loadErrors.isEmpty();
  }

  /**
   * The catalog entry of {@code ruleId}, for the remediation a reporter prints beside a finding.
   */
  public Optional<RuleInfo> info(String ruleId) {
    return catalog.stream().filter(info -> info.id().equals(ruleId)).findFirst();
  }

  CheckReport withBaselineWritten(Path file) {
    return new CheckReport(
        root,
        findings,
        unsuppressed,
        rules,
        catalog,
        suppressed,
        baselined,
        belowThreshold,
        threshold,
        files,
        loadErrors,
        notes,
        Optional.of(file));
  }
}
