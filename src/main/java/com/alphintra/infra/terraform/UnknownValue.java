package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** A value that cannot be known statically. A check that meets one stays silent. */
public record UnknownValue() implements Value {

  @Override
  public boolean isKnown() {
    return false;
  }

  @Override
  public Optional<Range> origin() {
    return Optional.empty();
  }

  @Override
  public Value withOrigin(Range origin) {
    return this;
  }
}
