package com.alphintra.infra.hcl;

/** The prefix operators. */
public enum UnaryOperator {
  NEGATE("-"),
  NOT("!");

  private final String symbol;

  UnaryOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
