package com.alphintra.infra.hcl;

/** How bad a {@link Diagnostic} is. */
public enum Severity {
    ERROR,
    WARNING
}
