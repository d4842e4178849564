package com.alphintra.infra.local;

import java.time.Duration;

/**
 * One step's record in a run: its outcome and how long it took (isDone plus apply; zero when
 * skipped) against its timeout.
 */
public record StepResult(String name, StepOutcome outcome, Duration duration, Duration timeout) {

  public StepResult withOutcome(StepOutcome newOutcome) {
    return new StepResult(name, newOutcome, duration, timeout);
  }
}
