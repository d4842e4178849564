package com.alphintra.infra.hcl;

import java.math.BigDecimal;
import java.util.Optional;

/** A numeric literal, kept as its source text. */
public record NumberLiteral(String text, Range range) implements Expression {

  /**
   * The value, or empty when it is too large to represent (an exponent beyond what BigDecimal
   * holds).
   */
  public Optional<BigDecimal> value() {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
