package com.alphintra.infra.hcl;

/** One step after the root of a {@link ScopeTraversal}. */
public sealed interface TraversalStep permits AttributeStep, IndexStep {

  Range range();
}
