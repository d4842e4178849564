package com.alphintra.infra.platform;

import java.util.List;

/**
 * A value an expression is known to take, and in which evaluation contexts.
 *
 * @param value the value ({@link Boolean}, {@link java.math.BigDecimal}, {@link String}, list or
 *     map)
 * @param contexts the names of the contexts it takes that value in
 * @param everywhere whether it takes that value in every context its directory is evaluated in
 */
public record TerraformValue(Object value, List<String> contexts, boolean everywhere) {

  public TerraformValue {
    contexts = List.copyOf(contexts);
  }

  /** For a message: empty when the value holds everywhere, else {@code " (in dev, prod)"}. */
  public String where() {
    return everywhere ? "" : " (in " + String.join(", ", contexts) + ")";
  }
}
