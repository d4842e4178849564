package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.hcl.Range;

/**
 * A place where a resource or data block disagrees with its provider schema.
 *
 * @param deprecated whether it is only the use of a deprecated attribute or block
 * @param range the attribute or block that is wrong (for a missing one, the block that should hold
 *     it)
 * @param object the resource address ({@code google_compute_subnetwork.nodes})
 * @param message what is wrong, naming the object and the attribute
 */
record SchemaProblem(boolean deprecated, Range range, String object, String message) {}
