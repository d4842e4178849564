package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A number of arbitrary precision; kept without trailing zeros so that {@code 1.0} equals {@code
 * 1}, and equal to another regardless of origin.
 */
public record NumberValue(BigDecimal value, Optional<Range> origin) implements Value {

  public NumberValue {
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    Objects.requireNonNull(origin, "origin");
  }

  public NumberValue(BigDecimal value) {
    this(value, Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new NumberValue(value, Optional.of(origin));
  }

  /** The number as Terraform prints it: {@code 5}, {@code 0.25}, never {@code 5.0}. */
  public String format() {
    // Plain notation of a huge exponent would be a string of millions of zeros.
    return Math.abs(value.scale()) > 100 ? value.toString() : value.toPlainString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NumberValue that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
