package com.alphintra.infra.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a run did: one result per step of the plan, in plan order; the failure that stopped it, if
 * any; undos that did not work (the person must clean those up); the total time.
 */
public record RunReport(
    List<StepResult> results,
    Optional<StepFailure> failure,
    List<String> undoProblems,
    Duration total) {

  public RunReport {
    results = List.copyOf(results);
    undoProblems = List.copyOf(undoProblems);
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }

  /** True when every step that ran was already in place: the run changed nothing. */
  public boolean changedNothing() {
    return succeeded()
        && results.stream().noneMatch(result -> result.outcome() == StepOutcome.APPLIED);
  }

  public Optional<StepResult> result(String step) {
    return results.stream().filter(result -> result.name().equals(step)).findFirst();
  }
}
