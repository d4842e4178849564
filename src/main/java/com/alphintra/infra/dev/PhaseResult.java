package com.alphintra.infra.dev;

import java.time.Duration;

/** One finished phase: how long it took and what it did, in a few words. */
public record PhaseResult(DeployPhase phase, Duration took, String detail) {}
