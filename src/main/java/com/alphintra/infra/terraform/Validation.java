package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** A {@code validation} block of a variable. */
public record Validation(
    Optional<Expression> condition, Optional<Expression> errorMessage, Range range) {}
