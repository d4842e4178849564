package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the selected steps of a plan in order, timing each. A step that is already in place is left
 * alone. When a step fails, runs past its timeout, or the runner thread is interrupted (Ctrl-C),
 * the steps this run applied are undone newest first, unless the caller keeps them for inspection.
 *
 * <p>Each step runs on one worker thread so the runner can enforce the timeout and react to an
 * interrupt while the step blocks; undos run on the same worker, so an undo never overlaps the step
 * that is being cancelled.
 */
public final class PlanRunner {

  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  /** An undo that hangs must not keep a person waiting forever after Ctrl-C. */
  static final Duration UNDO_TIMEOUT = Duration.ofMinutes(5);

  private final Clock clock;
  private final ProgressListener listener;
  private final Duration heartbeat;

  public PlanRunner(Clock clock, ProgressListener listener) {
    this(clock, listener, HEARTBEAT);
  }

  PlanRunner(Clock clock, ProgressListener listener, Duration heartbeat) {
    this.clock = clock;
    this.listener = listener;
    this.heartbeat = heartbeat;
  }

  public RunReport run(Plan plan, Set<String> selected, boolean keepOnFailure) {
    Instant started = clock.instant();
    List<StepResult> results = new ArrayList<>();
    Deque<Step> applied = new ArrayDeque<>();
    Optional<StepFailure> failure = Optional.empty();
    List<Step> toRun =
        plan.steps().stream().filter(step -> selected.contains(step.name())).toList();
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "alphintra-step");
              thread.setDaemon(true);
              return thread;
            });
    try {
      int number = 0;
      for (Step step : plan.steps()) {
        if (!selected.contains(step.name()) || failure.isPresent()) {
          results.add(
              new StepResult(step.name(), StepOutcome.SKIPPED, Duration.ZERO, step.timeout()));
          continue;
        }
        number++;
        listener.stepStarted(
            number, toRun.size(), step, Duration.between(started, clock.instant()));
        Instant stepStarted = clock.instant();
        Attempt attempt = attempt(worker, step);
        Duration took = Duration.between(stepStarted, clock.instant());
        StepResult result = new StepResult(step.name(), attempt.outcome(), took, step.timeout());
        results.add(result);
        listener.stepFinished(result, Duration.between(started, clock.instant()));
        if (attempt.outcome() == StepOutcome.APPLIED) {
          applied.push(step);
        }
        failure = attempt.failure();
      }
      List<String> undoProblems = new ArrayList<>();
      if (failure.isPresent() && !keepOnFailure) {
        boolean wasInterrupted = Thread.interrupted();
        while (!applied.isEmpty()) {
          Step step = applied.pop();
          listener.undoStarted(step);
          Optional<String> problem = undo(worker, step);
          listener.undoFinished(step, problem);
          if (problem.isEmpty()) {
            replace(results, step.name(), StepOutcome.UNDONE);
          } else {
            undoProblems.add(step.name() + ": " + problem.get());
          }
        }
        if (wasInterrupted || failure.get().interrupted()) {
          Thread.currentThread().interrupt();
        }
      }
      return new RunReport(
          results, failure, undoProblems, Duration.between(started, clock.instant()));
    } finally {
      worker.shutdownNow();
    }
  }

  private record Attempt(StepOutcome outcome, Optional<StepFailure> failure) {}

  private Attempt attempt(ExecutorService worker, Step step) {
    if (Thread.currentThread().isInterrupted()) {
      return failed(step, "interrupted before the step started (Ctrl-C)", "", true, null);
    }
    Future<StepOutcome> future =
        worker.submit(
            () -> {
              if (step.isDone()) {
                return StepOutcome.ALREADY_DONE;
              }
              step.apply();
              return StepOutcome.APPLIED;
            });
    try {
      return new Attempt(await(future, step), Optional.empty());
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(
          step, "did not finish within " + Durations.format(step.timeout()), "", false, null);
    } catch (InterruptedException e) {
      future.cancel(true);
      return failed(step, "interrupted (Ctrl-C) while the step was running", "", true, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) {
        return failed(step, "interrupted (Ctrl-C) while the step was running", "", true, null);
      }
      String detail = cause instanceof StepFailedException failed ? failed.detail() : "";
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return failed(
          step, message, detail, false, cause instanceof RuntimeException runtime ? runtime : null);
    } catch (CancellationException e) {
      return failed(step, "cancelled", "", true, null);
    }
  }

  private StepOutcome await(Future<StepOutcome> future, Step step)
      throws InterruptedException, ExecutionException, TimeoutException {
    Instant deadline = clock.instant().plus(step.timeout());
    Instant stepStarted = clock.instant();
    while (true) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new TimeoutException();
      }
      Duration slice = left.compareTo(heartbeat) < 0 ? left : heartbeat;
      try {
        return future.get(Math.max(1, slice.toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        listener.stepRunning(step, Duration.between(stepStarted, clock.instant()));
      }
    }
  }

  private static Attempt failed(
      Step step, String cause, String detail, boolean interrupted, RuntimeException e) {
    return new Attempt(
        StepOutcome.FAILED,
        Optional.of(
            new StepFailure(
                step.name(), cause, detail, hint(step, e), interrupted, Optional.ofNullable(e))));
  }

  /** A refusal carries its own way forward; any other failure gets the step's. */
  private static String hint(Step step, RuntimeException e) {
    if (e instanceof MissingPrerequisiteException missing && !missing.hint().isEmpty()) {
      return missing.hint();
    }
    if (e instanceof InputException input && !input.hint().isEmpty()) {
      return input.hint();
    }
    return step.hint();
  }

  private static Optional<String> undo(ExecutorService worker, Step step) {
    Callable<Void> undo =
        () -> {
          step.undo();
          return null;
        };
    Future<Void> future = worker.submit(undo);
    long deadline = System.nanoTime() + UNDO_TIMEOUT.toNanos();
    while (true) {
      try {
        future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return Optional.empty();
      } catch (TimeoutException e) {
        future.cancel(true);
        return Optional.of("the undo did not finish within " + Durations.format(UNDO_TIMEOUT));
      } catch (InterruptedException e) {
        // Another Ctrl-C: the rollback goes on, half a rollback would leave more to clean up by
        // hand.
        continue;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        return Optional.of(
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
      }
    }
  }

  private static void replace(List<StepResult> results, String name, StepOutcome outcome) {
    for (int index = 0; index < results.size(); index++) {
      if (results.get(index).name().equals(name)) {
        results.set(index, results.get(index).withOutcome(outcome));
      }
    }
  }
}
