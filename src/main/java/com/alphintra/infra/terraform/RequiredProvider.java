package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** One entry of {@code required_providers}: {@code google = { source = ..., version = ... }}. */
public record RequiredProvider(
    String name, Optional<String> source, Optional<String> version, Range range) {}
