package com.alphintra.infra.local;

/** Whether the ingress gateway answered, and what it answered (an HTTP status line) or why not. */
public record ProbeResult(boolean answered, String detail) {}
