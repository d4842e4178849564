package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Range;

/** {@code backend "gcs" { ... }} inside the {@code terraform} block. */
public record Backend(String type, Body config, Range range) {}
