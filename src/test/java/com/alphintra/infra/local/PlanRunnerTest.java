package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.local.RecordingStep.Behaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanRunnerTest {

  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private Plan plan(String failing, Behaviour failure) {
    List<Step> steps = new ArrayList<>();
    for (String name : NAMES) {
      steps.add(new RecordingStep(name, log, name.equals(failing) ? failure : Behaviour.APPLIES));
    }
    return new Plan("test", steps, Set.of(), List.of(), List.of());
  }

  private RunReport run(Plan plan, boolean keep) {
    return new PlanRunner(Clock.systemUTC(), ProgressListener.SILENT)
        .run(plan, Set.copyOf(plan.names()), keep);
  }

  @Test
  void appliesEveryStepInOrder() {
    RunReport report = run(plan("none", Behaviour.APPLIES), false);

    assertThat(report.succeeded()).isTrue();
    assertThat(log).containsExactly("apply a", "apply b", "apply c", "apply d");
    assertThat(report.results()).extracting(StepResult::outcome).containsOnly(StepOutcome.APPLIED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c", "d"})
  void aFailureUndoesExactlyTheAppliedStepsNewestFirst(String failing) {
    RunReport report = run(plan(failing, Behaviour.FAILS), false);

    int index = NAMES.indexOf(failing);
    List<String> expected = new ArrayList<>();
    for (String name : NAMES.subList(0, index)) {
      expected.add("apply " + name);
    }
    for (int back = index - 1; back >= 0; back--) {
      expected.add("undo " + NAMES.get(back));
    }
    assertThat(log).containsExactlyElementsOf(expected);
    assertThat(report.failure())
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.step()).isEqualTo(failing);
              assertThat(failure.cause()).isEqualTo(failing + " broke");
              assertThat(failure.detail()).isEqualTo("output of " + failing);
              assertThat(failure.hint()).isEqualTo("fix " + failing);
            });
    assertThat(report.result(failing).orElseThrow().outcome()).isEqualTo(StepOutcome.FAILED);
    NAMES
        .subList(0, index)
        .forEach(
            name ->
                assertThat(report.result(name).orElseThrow().outcome())
                    .isEqualTo(StepOutcome.UNDONE));
    NAMES
        .subList(index + 1, NAMES.size())
        .forEach(
            name ->
                assertThat(report.result(name).orElseThrow().outcome())
                    .isEqualTo(StepOutcome.SKIPPED));
  }

  @Test
  void keepOnFailureUndoesNothing() {
    RunReport report = run(plan("c", Behaviour.FAILS), true);

    assertThat(log).containsExactly("apply a", "apply b");
    assertThat(report.result("b").orElseThrow().outcome()).isEqualTo(StepOutcome.APPLIED);
  }

  @Test
  void stepsAlreadyDoneAreNeitherAppliedNorUndone() {
    List<Step> steps =
        List.of(
            new RecordingStep("a", log, Behaviour.ALREADY_DONE),
            new RecordingStep("b", log, Behaviour.APPLIES),
            new RecordingStep("c", log, Behaviour.FAILS));
    RunReport report = run(new Plan("test", steps, Set.of(), List.of(), List.of()), false);

    assertThat(log).containsExactly("apply b", "undo b");
    assertThat(report.result("a").orElseThrow().outcome()).isEqualTo(StepOutcome.ALREADY_DONE);
  }

  @Test
  void aStepPastItsTimeoutFailsAndIsReportedSo() {
    List<Step> steps =
        List.of(
            new RecordingStep("a", log, Behaviour.APPLIES),
            new RecordingStep("slow", log, Behaviour.HANGS, Duration.ofMillis(200)));
    RunReport report = run(new Plan("test", steps, Set.of(), List.of(), List.of()), false);

    assertThat(report.failure().orElseThrow().cause()).isEqualTo("did not finish within 200ms");
    assertThat(log).containsExactly("apply a", "undo a");
  }

  @Test
  void anInterruptInTheMiddleOfAStepRollsBackTheAppliedSteps() throws Exception {
    RecordingStep hanging = new RecordingStep("c", log, Behaviour.HANGS, Duration.ofMinutes(1));
    List<Step> steps =
        List.of(
            new RecordingStep("a", log, Behaviour.APPLIES),
            new RecordingStep("b", log, Behaviour.APPLIES),
            hanging,
            new RecordingStep("d", log, Behaviour.APPLIES));
    Plan plan = new Plan("test", steps, Set.of(), List.of(), List.of());
    AtomicReference<RunReport> report = new AtomicReference<>();
    Thread runner = new Thread(() -> report.set(run(plan, false)));
    runner.start();
    assertThat(hanging.started.await(10, TimeUnit.SECONDS)).isTrue();

    runner.interrupt();
    runner.join(10_000);

    assertThat(runner.isAlive()).isFalse();
    assertThat(log).containsExactly("apply a", "apply b", "undo b", "undo a");
    StepFailure failure = report.get().failure().orElseThrow();
    assertThat(failure.step()).isEqualTo("c");
    assertThat(failure.interrupted()).isTrue();
    assertThat(report.get().result("d").orElseThrow().outcome()).isEqualTo(StepOutcome.SKIPPED);
  }

  @Test
  void onlyTheSelectedStepsRun() {
    Plan plan = plan("none", Behaviour.APPLIES);

    RunReport report =
        new PlanRunner(Clock.systemUTC(), ProgressListener.SILENT)
            .run(plan, plan.select(java.util.Optional.empty(), java.util.Optional.of("c")), false);

    assertThat(log).containsExactly("apply c", "apply d");
    assertThat(report.result("a").orElseThrow().outcome()).isEqualTo(StepOutcome.SKIPPED);
  }
}
