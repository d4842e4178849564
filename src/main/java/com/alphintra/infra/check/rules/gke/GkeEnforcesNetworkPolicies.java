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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster enforces the NetworkPolicies of infra/kubernetes, through Dataplane V2 or the Calico
 * add-on.
 */
public final class GkeEnforcesNetworkPolicies implements Rule {

  static final String DATAPATH = "datapath_provider";
  static final String DATAPLANE_V2 = "ADVANCED_DATAPATH";
  static final String NETWORK_POLICY = "network_policy.enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-network-policy",
          "GKE clusters enforce Kubernetes NetworkPolicies",
          Severity.HIGH,
          Target.GKE,
          "A cluster without a network policy enforcer accepts NetworkPolicy objects and silently ignores them, so the"
              + " default-deny policies of every namespace protect nothing and any pod can reach any other.",
          "Set datapath_provider = \"ADVANCED_DATAPATH\" (Dataplane V2) on the google_container_cluster, or"
              + " network_policy { enabled = true } with addons_config { network_policy_config { disabled = false } }.",
          List.of(
              "checkov CKV_GCP_12",
              "tfsec google-gke-enable-network-policy",
              "https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.standard(terraform)) {
      Optional<Attribute> datapath = cluster.attribute(DATAPATH);
      Optional<Attribute> networkPolicy = cluster.attribute(NETWORK_POLICY);
      List<EvaluationContext> contexts = terraform.contexts(cluster);
      // An outcome is its text and where it is caused: network_policy's value where it is set,
      // else the datapath's, else the cluster.
      Outcomes<List<Object>> unenforced = new Outcomes<>(contexts.size());
      for (EvaluationContext context : contexts) {
        Optional<Object> provider =
            datapath.isPresent()
                ? context.value(datapath.get().value())
                : Optional.of("LEGACY_DATAPATH");
        Optional<Boolean> enabled =
            networkPolicy.isPresent()
                ? context.bool(networkPolicy.get().value())
                : Optional.of(false);
        boolean enforced =
            provider.filter(DATAPLANE_V2::equals).isPresent() || enabled.orElse(false);
        if (!enforced && provider.isPresent() && enabled.isPresent()) {
          Optional<Range> origin =
              networkPolicy.or(() -> datapath).map(found -> context.origin(found.value()));
          unenforced.add(
              List.of(
                  (datapath.isPresent()
                          ? DATAPATH + " = " + Literal.of(provider.get())
                          : "no " + DATAPATH)
                      + " and "
                      + (networkPolicy.isPresent()
                          ? NETWORK_POLICY + " = false"
                          : "no network_policy"),
                  origin.map(Range::file).orElse(cluster.file()),
                  origin.map(found -> found.start().line()).orElse(cluster.line())),
              context.name());
        }
      }
      for (Outcomes.Outcome<List<Object>> value : unenforced.all()) {
        findings.add(
            Finding.of(
                INFO,
                (Path) value.value().get(1),
                (Integer) value.value().get(2),
                cluster.address(),
                cluster.address()
                    + " enforces no NetworkPolicy: "
                    + value.value().get(0)
                    + value.where()));
      }
    }
    return findings;
  }
}
