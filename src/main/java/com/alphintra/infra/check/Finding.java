package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * @param overlays the rendered overlays the finding was made in, sorted; empty for an object of a
 *     file judged on its own (the engine merges equal findings of several overlays into one)
 */
public record Finding(
    String rule,
    Severity severity,
    Path file,
    int line,
    String object,
    String message,
    List<String> overlays) {

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
    overlays = List.copyOf(new TreeSet<>(overlays));
  }

  /** A finding of an object of a file, or of no overlay. */
  public Finding(
      String rule, Severity severity, Path file, int line, String object, String message) {
    this(rule, severity, file, line, object, message, List.of());
  }

  /**
   * A finding about the field at {@code path} of {@code object}, at the line that writes it (see
   * {@link Platform#locate}), named after the object.
   */
  public static Finding about(
      RuleInfo rule, Platform platform, LoadedObject object, String path, String message) {
    return about(rule, platform, object, path, object.describe(), message);
  }

  /** As {@link #about(RuleInfo, Platform, LoadedObject, String, String)}, with its own name. */
  public static Finding about(
      RuleInfo rule,
      Platform platform,
      LoadedObject object,
      String path,
      String name,
      String message) {
    SourceLocation location = platform.locate(object, path);
    if (object.helm().isPresent()) {
      return new Finding(
          rule.id(),
          rule.severity(),
          location.file(),
          location.line(),
          name,
          message + " (" + HELM + object.helm().get().release() + ")",
          object.helm().get().overlays());
    }
    return new Finding(
        rule.id(),
        rule.severity(),
        location.file(),
        location.line(),
        name,
        message,
        object.overlay().map(List::of).orElse(List.of()));
  }

  /**
   * A finding of a rule that relates objects, judged in the objects deployed together in {@code
   * overlay} (empty: the files as written), at {@code location}, about {@code object} (named {@code
   * name}): an object of a Helm release is labelled with its release. The engine merges the
   * findings of several overlays (see {@link #merge}).
   */
  public static Finding in(
      RuleInfo rule,
      Optional<String> overlay,
      SourceLocation location,
      Optional<LoadedObject> object,
      String name,
      String message) {
    Optional<String> release = object.flatMap(LoadedObject::helm).map(source -> source.release());
    return new Finding(
        rule.id(),
        rule.severity(),
        location.file(),
        location.line(),
        name,
        release.map(text -> message + " (" + HELM + text + ")").orElse(message),
        overlay.map(List::of).orElse(List.of()));
  }

  private static final String HELM = "helm release ";

  /**
   * One finding per distinct cause: equal findings (rule, place, object, message) of several
   * overlays become one; its message names the overlays ({@code (in overlays: prod)}) unless every
   * rendered overlay of {@code allOverlays} has it.
   */
  public static List<Finding> merge(List<Finding> findings, Set<String> allOverlays) {
    Map<List<Object>, TreeSet<String>> overlaysOf = new LinkedHashMap<>();
    Map<List<Object>, Finding> first = new LinkedHashMap<>();
    for (Finding finding : findings) {
      List<Object> key =
          List.of(
              finding.rule(), finding.file(), finding.line(), finding.object(), finding.message());
      first.putIfAbsent(key, finding);
      overlaysOf.computeIfAbsent(key, k -> new TreeSet<>()).addAll(finding.overlays());
    }
    List<Finding> merged = new ArrayList<>();
    first.forEach(
        (key, finding) -> {
          TreeSet<String> overlays = overlaysOf.get(key);
          boolean everywhere = overlays.isEmpty() || overlays.equals(new TreeSet<>(allOverlays));
          merged.add(
              new Finding(
                  finding.rule(),
                  finding.severity(),
                  finding.file(),
                  finding.line(),
                  finding.object(),
                  everywhere ? finding.message() : inOverlays(finding.message(), overlays),
                  List.copyOf(overlays)));
        });
    return merged;
  }

  /**
   * The message with the overlays named: {@code (in overlays: prod)}, or for a Helm release's
   * object {@code (helm release istiod, overlays: local)}.
   */
  private static String inOverlays(String message, Set<String> overlays) {
    String names = String.join(", ", overlays);
    int helm = message.lastIndexOf(" (" + HELM);
    if (helm >= 0 && message.endsWith(")")) {
      return message.substring(0, message.length() - 1) + ", overlays: " + names + ")";
    }
    return message + " (in overlays: " + names + ")";
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
