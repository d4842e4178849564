package com.alphintra.infra.cli;

import com.alphintra.infra.local.Budget;
import com.alphintra.infra.local.Durations;
import com.alphintra.infra.local.Plan;
import com.alphintra.infra.local.PrerequisitesMissingException;
import com.alphintra.infra.local.ProgressListener;
import com.alphintra.infra.local.RunReport;
import com.alphintra.infra.local.Step;
import com.alphintra.infra.local.StepFailure;
import com.alphintra.infra.local.StepOutcome;
import com.alphintra.infra.local.StepResult;
import com.alphintra.infra.local.UpResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** Shows {@code up}: progress while it runs, then the plan (dry run) or the report with timings. */
final class UpView implements ProgressListener {

  private final PrintWriter out;
  private final Ansi ansi;
  private final boolean showProgress;

  UpView(PrintWriter out, Ansi ansi, boolean showProgress) {
    this.out = out;
    this.ansi = ansi;
    this.showProgress = showProgress;
  }

  @Override
  public void stepStarted(int number, int count, Step step, Duration elapsed) {
    progress(
        "["
            + number
            + "/"
            + count
            + "] "
            + step.name()
            + ": "
            + step.description()
            + " (at "
            + Durations.format(elapsed)
            + ")");
  }

  @Override
  public void stepRunning(Step step, Duration stepElapsed) {
    progress("      " + step.name() + " still running (" + Durations.format(stepElapsed) + ")");
  }

  @Override
  public void stepFinished(StepResult result, Duration elapsed) {
    progress(
        "      "
            + result.name()
            + ": "
            + result.outcome().label()
            + " in "
            + Durations.format(result.duration()));
  }

  @Override
  public void undoStarted(Step step) {
    progress("      undoing " + step.name() + "...");
  }

  @Override
  public void undoFinished(Step step, Optional<String> problem) {
    progress(
        "      "
            + step.name()
            + (problem.isEmpty() ? ": undone" : ": undo failed: " + problem.get()));
  }

  private void progress(String line) {
    if (showProgress) {
      out.println(line);
      out.flush();
    }
  }

  static String plan(UpResult result) {
    Plan plan = result.plan();
    StringBuilder text = new StringBuilder();
    text.append("Plan for 'alphintra up' onto context ")
        .append(plan.context())
        .append(" (dry run: nothing is touched, no process is started)\n");
    int number = 0;
    for (Step step : plan.steps()) {
      number++;
      String state =
          plan.notForThisTarget().contains(step.name())
              ? "  [skipped: existing cluster]"
              : result.selected().contains(step.name()) ? "" : "  [not selected]";
      text.append(
          String.format(
              Locale.ROOT,
              "%n%2d. %s (timeout %s)%s%n",
              number,
              step.name(),
              Durations.format(step.timeout()),
              state));
      text.append("    ").append(step.description()).append('\n');
      for (String detail : step.details()) {
        text.append(detail.startsWith("  ") ? "        " + detail.strip() : "    - " + detail)
            .append('\n');
      }
    }
    text.append("\nPHASE-2 time targets:\n");
    for (Budget budget : plan.budgets()) {
      text.append("  ")
          .append(budget.label())
          .append(" < ")
          .append(Durations.format(budget.limit()))
          .append(": ")
          .append(String.join(", ", budget.steps()))
          .append('\n');
    }
    for (String note : plan.notes()) {
      text.append("Note: ").append(note).append('\n');
    }
    return text.toString();
  }

  String report(UpResult result) {
    RunReport report = result.report().orElseThrow();
    StringBuilder text = new StringBuilder("\n");
    Optional<PrerequisitesMissingException> missing =
        report
            .failure()
            .flatMap(StepFailure::exception)
            .filter(PrerequisitesMissingException.class::isInstance)
            .map(PrerequisitesMissingException.class::cast);
    if (missing.isPresent()) {
      text.append(DoctorReportView.text(missing.get().report(), ansi)).append('\n');
    }
    text.append(table(report));
    text.append(targets(result.plan(), report));
    if (report.changedNothing()) {
      text.append("Nothing changed: every step was already in place.\n");
    }
    report.failure().ifPresent(failure -> text.append(failure(failure, report)));
    if (report.succeeded() && Files.isRegularFile(result.caCertificate())) {
      text.append(trust(result.caCertificate().toString()));
    }
    return text.toString();
  }

  private static String table(RunReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"STEP", "OUTCOME", "DURATION", "TIMEOUT", "SHARE"});
    long total = Math.max(1, report.total().toMillis());
    for (StepResult result : report.results()) {
      rows.add(
          new String[] {
            result.name(),
            result.outcome().label(),
            Durations.format(result.duration()),
            Durations.format(result.timeout()),
            (100 * result.duration().toMillis() / total) + "%"
          });
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      text.append(' ');
      for (int column = 0; column < row.length; column++) {
        text.append(' ')
            .append(row[column])
            .append(" ".repeat(widths[column] - row[column].length() + 1));
      }
      while (text.charAt(text.length() - 1) == ' ') {
        text.setLength(text.length() - 1);
      }
      text.append('\n');
    }
    text.append("  total ").append(Durations.format(report.total())).append('\n');
    return text.toString();
  }

  /**
   * Each PHASE-2 target whose steps all ran to the end in this run (applied, or applied and then
   * rolled back), with at least one of them doing work: a run that failed or skipped one of its
   * steps has measured nothing, and one that found everything in place has measured no startup.
   */
  private static String targets(Plan plan, RunReport report) {
    StringBuilder text = new StringBuilder();
    for (Budget budget : plan.budgets()) {
      List<StepResult> results =
          budget.steps().stream().flatMap(step -> report.result(step).stream()).toList();
      boolean finished =
          !budget.steps().isEmpty()
              && results.size() == budget.steps().size()
              && results.stream().allMatch(result -> FINISHED.contains(result.outcome()));
      boolean worked =
          results.stream().anyMatch(result -> result.outcome() != StepOutcome.ALREADY_DONE);
      if (!finished || !worked) {
        continue;
      }
      Duration used =
          results.stream().map(StepResult::duration).reduce(Duration.ZERO, Duration::plus);
      text.append("  ")
          .append(budget.label())
          .append(" < ")
          .append(Durations.format(budget.limit()))
          .append(": ")
          .append(Durations.format(used))
          .append(used.compareTo(budget.limit()) > 0 ? " (MISSED)" : " (met)")
          .append(" = ")
          .append(
              String.join(
                  " + ",
                  results.stream()
                      .map(result -> result.name() + " " + Durations.format(result.duration()))
                      .toList()))
          .append('\n');
    }
    return text.isEmpty() ? "" : "PHASE-2 time targets:\n" + text;
  }

  private static final java.util.Set<StepOutcome> FINISHED =
      java.util.EnumSet.of(StepOutcome.APPLIED, StepOutcome.ALREADY_DONE, StepOutcome.UNDONE);

  private static String failure(StepFailure failure, RunReport report) {
    StringBuilder text = new StringBuilder("\n");
    text.append("error: step '")
        .append(failure.step())
        .append("' failed: ")
        .append(failure.cause())
        .append('\n');
    if (!failure.detail().isBlank()) {
      for (String line : failure.detail().split("\\R")) {
        text.append("  | ").append(line).append('\n');
      }
    }
    text.append("hint: ").append(failure.hint()).append('\n');
    List<String> undone = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (int index = report.results().size() - 1; index >= 0; index--) {
      StepResult result = report.results().get(index);
      if (result.outcome() == StepOutcome.UNDONE) {
        undone.add(result.name());
      } else if (result.outcome() == StepOutcome.APPLIED) {
        kept.add(result.name());
      }
    }
    if (!undone.isEmpty()) {
      text.append("Rolled back (newest first): ").append(String.join(", ", undone)).append('\n');
    }
    if (!kept.isEmpty()) {
      text.append("Left in place: ")
          .append(String.join(", ", kept))
          .append(report.undoProblems().isEmpty() ? " (--keep-on-failure)" : "")
          .append('\n');
    }
    if (undone.isEmpty() && kept.isEmpty()) {
      text.append("Nothing was changed by this run, so there was nothing to roll back.\n");
    }
    for (String problem : report.undoProblems()) {
      text.append("undo failed: ")
          .append(problem)
          .append(" (clean up by hand; 'alphintra down' removes the cluster)\n");
    }
    return text.toString();
  }

  private static String trust(String ca) {
    return "\nTrust the local CA once, so browsers accept https://api.alphintra.localhost:\n"
        + "  Linux (Debian/Ubuntu): sudo cp "
        + ca
        + " /usr/local/share/ca-certificates/alphintra-local-ca.crt"
        + " && sudo update-ca-certificates\n"
        + "  Linux (Fedora/RHEL):   sudo cp "
        + ca
        + " /etc/pki/ca-trust/source/anchors/alphintra-local-ca.crt"
        + " && sudo update-ca-trust\n"
        + "  macOS:                 sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "
        + ca
        + "\n"
        + "  Firefox keeps its own list: Settings > Privacy & Security > Certificates > View Certificates > Import.\n";
  }

  static Map<String, Object> json(UpResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("context", result.plan().context());
    root.put("dryRun", result.report().isEmpty());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Step step : result.plan().steps()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", step.name());
      entry.put("description", step.description());
      entry.put("selected", result.selected().contains(step.name()));
      entry.put("timeoutSeconds", step.timeout().toSeconds());
      entry.put("details", step.details());
      result
          .report()
          .flatMap(report -> report.result(step.name()))
          .ifPresent(
              outcome -> {
                entry.put("outcome", outcome.outcome().name().toLowerCase(Locale.ROOT));
                entry.put("durationMillis", outcome.duration().toMillis());
              });
      steps.add(entry);
    }
    root.put("steps", steps);
    result
        .report()
        .ifPresent(
            report -> {
              root.put("succeeded", report.succeeded());
              root.put("changedNothing", report.changedNothing());
              root.put("totalMillis", report.total().toMillis());
              report
                  .failure()
                  .ifPresent(
                      failure -> {
                        Map<String, Object> failed = new LinkedHashMap<>();
                        failed.put("step", failure.step());
                        failed.put("cause", failure.cause());
                        failed.put("detail", failure.detail());
                        failed.put("hint", failure.hint());
                        failed.put("interrupted", failure.interrupted());
                        root.put("failure", failed);
                      });
              root.put("undoProblems", report.undoProblems());
            });
    return root;
  }
}
