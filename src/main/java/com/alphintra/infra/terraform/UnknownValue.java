package com.alphintra.infra.terraform;

/** A value that cannot be known statically. A check that meets one stays silent. */
public record UnknownValue() implements Value {

  @Override
  public boolean isKnown() {
    return false;
  }
}
