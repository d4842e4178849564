package com.alphintra.infra.cloud;

/**
 * Decides whether an environment's Terraform may go ahead: {@code alphintra check} over the
 * environment and the modules it composes. Production wiring runs the real checker; tests script
 * the verdict.
 */
public interface PolicyGate {

  GateVerdict evaluate(Environment environment);
}
