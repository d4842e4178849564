package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformView;
import java.util.List;

/**
 * Which evaluation contexts deploy to production: those of the environment DESIGN.md names {@code
 * prod}.
 */
final class Environments {

  static final String PRODUCTION = "prod";

  private Environments() {}

  /**
   * The contexts in which {@code resource} is deployed to production; empty when no prod
   * environment uses it.
   */
  static List<EvaluationContext> production(TerraformView terraform, TerraformResource resource) {
    return terraform.contexts(resource).stream()
        .filter(context -> context.name().equals(PRODUCTION))
        .toList();
  }
}
