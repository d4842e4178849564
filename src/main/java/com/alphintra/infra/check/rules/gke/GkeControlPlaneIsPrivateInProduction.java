package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In production the Kubernetes API has no public endpoint at all, only the private one inside the
 * VPC.
 */
public final class GkeControlPlaneIsPrivateInProduction implements Rule {

  static final String SETTING = "private_cluster_config.enable_private_endpoint";
  static final String IP_ENDPOINTS = GkeControlPlaneAcceptsOnlyAuthorizedNetworks.IP_ENDPOINTS;

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-private-endpoint",
          "Production GKE clusters serve the Kubernetes API on a private endpoint only",
          Severity.MEDIUM,
          Target.GKE,
          "A public endpoint lets anyone find the production cluster and its Kubernetes version and probe the API"
              + " server, kept out only by authorized networks and credentials; the private endpoint needs a foothold"
              + " in the VPC first.",
          "Set private_cluster_config { enable_private_endpoint = true } on the google_container_cluster for prod, and"
              + " reach the API through a bastion or VPN in an authorized network.",
          List.of(
              "CIS GKE Benchmark 5.6.4",
              "terraform-google-modules kubernetes-engine safer-cluster",
              "https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation"));

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
      Optional<Attribute> ipEndpoints = cluster.attribute(IP_ENDPOINTS);
      // Each message at the line that sets the value, or at the cluster that should set it.
      Map<String, SourceLocation> messages = new LinkedHashMap<>();
      SourceLocation missing = new SourceLocation(cluster.file(), cluster.lineOf(SETTING));
      for (EvaluationContext context : Environments.production(terraform, cluster)) {
        boolean noIpEndpoint =
            ipEndpoints.flatMap(found -> context.bool(found.value())).filter(on -> !on).isPresent();
        if (noIpEndpoint) {
          continue;
        }
        if (setting.isEmpty()) {
          messages.putIfAbsent(
              cluster.address()
                  + " does not set "
                  + SETTING
                  + ", so the Kubernetes API has a public"
                  + " endpoint (in "
                  + context.name()
                  + ")",
              missing);
        } else if (context.bool(setting.get().value()).filter(on -> !on).isPresent()) {
          messages.putIfAbsent(
              cluster.address() + " sets " + SETTING + " = false (in " + context.name() + ")",
              SourceLocation.of(context.origin(setting.get().value())));
        }
      }
      messages.forEach(
          (message, origin) ->
              findings.add(
                  Finding.of(INFO, origin.file(), origin.line(), cluster.address(), message)));
    }
    return findings;
  }
}
