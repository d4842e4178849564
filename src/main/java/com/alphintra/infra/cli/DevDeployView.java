package com.alphintra.infra.cli;

import com.alphintra.infra.dev.DeployPhase;
import com.alphintra.infra.dev.DeployResult;
import com.alphintra.infra.dev.DevListener;
import com.alphintra.infra.dev.PhaseResult;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the dev loop as it runs (one line per phase with its duration) and its result as text or
 * JSON.
 */
final class DevDeployView implements DevListener {

  private final PrintWriter out;
  private final boolean live;

  DevDeployView(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
  }

  @Override
  public void phaseStarted(DeployPhase phase) {
    if (live) {
      out.printf("%-15s ...%n", phase.label());
      out.flush();
    }
  }

  @Override
  public void phaseFinished(PhaseResult result) {
    if (live) {
      out.printf(
          "%-15s %7s  %s%n", result.phase().label(), seconds(result.took()), result.detail());
      out.flush();
    }
  }

  @Override
  public void changed(List<Path> files) {
    out.println();
    out.println(
        "changed: "
            + String.join(
                ", ", files.stream().map(path -> path.getFileName().toString()).toList()));
    out.flush();
  }

  @Override
  public void passFailed(RuntimeException failure) {
    out.println("error: " + failure.getMessage());
    String hint =
        failure instanceof OperationFailedException failed
            ? failed.hint()
            : failure instanceof InputException input
                ? input.hint()
                : failure instanceof MissingPrerequisiteException missing ? missing.hint() : "";
    if (!hint.isBlank()) {
      out.println("hint: " + hint);
    }
    out.println("still watching");
    out.flush();
  }

  @Override
  public void passSucceeded(DeployResult result) {
    out.print(text(result));
    out.println("still watching");
    out.flush();
  }

  static String text(DeployResult result) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "%-15s %7s  %s%n",
            "total",
            seconds(result.total()),
            result.rolled().isEmpty()
                ? "nothing to roll: every Deployment already runs this image"
                : "running " + result.deployedImage()));
    if (!result.rolled().isEmpty()) {
      text.append("rolled: ")
          .append(String.join(", ", result.rolled()))
          .append(System.lineSeparator());
    }
    return text.toString();
  }

  static Map<String, Object> json(DeployResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("image", result.image().pinnedReference());
    json.put("deployedImage", result.deployedImage());
    json.put("digest", result.image().digest());
    json.put("rolled", result.rolled());
    json.put("unchanged", result.unchanged());
    json.put(
        "phases",
        result.phases().stream()
            .map(
                phase -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("phase", phase.phase().label());
                  item.put("seconds", phase.took().toMillis() / 1000.0);
                  item.put("detail", phase.detail());
                  return item;
                })
            .toList());
    json.put("totalSeconds", result.total().toMillis() / 1000.0);
    return json;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
