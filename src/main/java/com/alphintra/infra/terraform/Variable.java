package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import java.util.List;
import java.util.Optional;

/**
 * A {@code variable "name"} block: an input of its module. With {@code nullable = false} a caller's
 * {@code null} means the default.
 */
public record Variable(
    String name,
    Optional<Expression> type,
    Optional<Expression> defaultValue,
    Optional<String> description,
    List<Validation> validations,
    boolean sensitive,
    boolean nullable,
    Block block) {

  public Variable {
    validations = List.copyOf(validations);
  }

  public Range range() {
    return block.range();
  }

  /** A variable without a default must be set by every caller. */
  public boolean isRequired() {
    return defaultValue.isEmpty();
  }
}
