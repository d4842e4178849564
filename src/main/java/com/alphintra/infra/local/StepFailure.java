package com.alphintra.infra.local;

import java.util.Optional;

/**
 * Why a run stopped: the step, the cause (with the external program's relevant output), what to do,
 * whether Ctrl-C stopped it, and the exception when it carries more for the caller (the doctor
 * report).
 */
public record StepFailure(
    String step,
    String cause,
    String detail,
    String hint,
    boolean interrupted,
    Optional<RuntimeException> exception) {}
