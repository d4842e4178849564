package com.alphintra.infra.terraform;

import java.math.BigDecimal;

/**
 * A number of arbitrary precision; kept without trailing zeros so that {@code 1.0} equals {@code
 * 1}.
 */
public record NumberValue(BigDecimal value) implements Value {

  public NumberValue {
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The number as Terraform prints it: {@code 5}, {@code 0.25}, never {@code 5.0}. */
  public String format() {
    // Plain notation of a huge exponent would be a string of millions of zeros.
    return Math.abs(value.scale()) > 100 ? value.toString() : value.toPlainString();
  }
}
