package com.alphintra.infra.cloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of a plan, apply or destroy: what the plan does, where it was saved, whether it was
 * applied, and the reason given for going ahead despite blocking findings, if one was.
 */
public record PlanReport(
    Environment environment,
    Operation operation,
    PlanSummary summary,
    Path planFile,
    boolean applied,
    GateVerdict gate,
    Optional<String> acceptedFindingsReason) {

  public enum Operation {
    PLAN,
    APPLY,
    DESTROY
  }
}
