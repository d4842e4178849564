package com.alphintra.infra.check;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One place where a rule's good state does not hold.
 *
 * @param rule the id of the rule that found it
 * @param severity the rule's severity
 * @param file the file, relative to the repository root ({@code
 *     infra/terraform/modules/gke/main.tf})
 * @param line the tightest line, from 1; 0 when the finding is about the file as a whole
 * @param object what is wrong, as a person names it: {@code google_container_cluster.primary},
 *     {@code Deployment alphintra/trading-api}
 * @param message what is wrong, naming the object and the value
 */
public record Finding(
    String rule, Severity severity, Path file, int line, String object, String message) {

  /** By file, line, rule, then message: the order every reporter prints. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding finding) -> finding.file().toString())
          .thenComparingInt(Finding::line)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line counts from 1 (0: the whole file), got " + line);
    }
  }

  /** A finding of {@code rule} at {@code file:line}. */
  public static Finding of(RuleInfo rule, Path file, int line, String object, String message) {
    return new Finding(rule.id(), rule.severity(), file, line, object, message);
  }

  /**
   * The file with {@code /} separators, as SARIF, the baseline and {@code expected.txt} write it.
   */
  public String fileName() {
    return file.toString().replace('\\', '/');
  }

  /** {@code file:line} or {@code file}. */
  public String location() {
    return line > 0 ? fileName() + ":" + line : fileName();
  }
}
