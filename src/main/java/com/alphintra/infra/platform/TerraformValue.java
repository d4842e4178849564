package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Range;
import java.nio.file.Path;
import java.util.List;

/**
 * A value an expression is known to take, in which evaluation contexts, and where it is written.
 *
 * @param value the value ({@link Boolean}, {@link java.math.BigDecimal}, {@link String}, list or
 *     map)
 * @param contexts the names of the contexts it takes that value in
 * @param everywhere whether it takes that value in every context its directory is evaluated in
 * @param origin where the value is written: the literal (or operation) that makes it, which for a
 *     value an environment root passes down is in that root's module call, and for a module's
 *     default in the module; the line a finding about the value points at
 */
public record TerraformValue(
    Object value, List<String> contexts, boolean everywhere, Range origin) {

  public TerraformValue {
    contexts = List.copyOf(contexts);
  }

  /** For a message: empty when the value holds everywhere, else {@code " (in dev, prod)"}. */
  public String where() {
    return where(contexts, everywhere);
  }

  /** As {@link #where()}, for an outcome a rule gathered itself over {@code contexts}. */
  public static String where(List<String> contexts, boolean everywhere) {
    return everywhere ? "" : " (in " + String.join(", ", contexts) + ")";
  }

  /** The file the value is written in, relative to the repository root. */
  public Path file() {
    return origin.file();
  }

  /** The line the value is written on. */
  public int line() {
    return origin.start().line();
  }
}
