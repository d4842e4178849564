package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan that would destroy the production cluster fails instead of deleting it and every workload
 * on it.
 */
public final class GkeIsProtectedFromDeletionInProduction implements Rule {

  static final String SETTING = "deletion_protection";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-deletion-protection",
          "Production GKE clusters are protected from deletion by Terraform",
          Severity.MEDIUM,
          Target.GKE,
          "A renamed resource, a changed ForceNew field or a mistaken destroy would otherwise delete the production"
              + " cluster with every workload, volume claim and load balancer on it, and rebuilding it takes hours.",
          "Leave deletion_protection unset (it defaults to true) or set it to true on the google_container_cluster for"
              + " prod; turn it off in a separate, reviewed change only when the cluster is meant to go.",
          List.of(
              "terraform-google-modules kubernetes-engine (deletion_protection)",
              "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      Optional<Attribute> setting = cluster.attribute(SETTING);
      if (setting.isEmpty()) {
        continue;
      }
      // Each message at the line that sets the value (the production root's module call, say).
      Map<String, Range> messages = new LinkedHashMap<>();
      for (EvaluationContext context : Environments.production(terraform, cluster)) {
        if (context.bool(setting.get().value()).filter(on -> !on).isPresent()) {
          messages.putIfAbsent(
              cluster.address() + " sets " + SETTING + " = false (in " + context.name() + ")",
              context.origin(setting.get().value()));
        }
      }
      messages.forEach(
          (message, origin) ->
              findings.add(
                  Finding.of(
                      INFO, origin.file(), origin.start().line(), cluster.address(), message)));
    }
    return findings;
  }
}
