package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;

/** Kubernetes RBAC and IAM alone decide who may do what in the cluster. */
public final class GkeDoesNotUseLegacyAbac implements Rule {

  static final String SETTING = "enable_legacy_abac";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-no-legacy-abac",
          "GKE clusters authorize with RBAC, not legacy ABAC",
          Severity.HIGH,
          Target.GKE,
          "Legacy ABAC grants service accounts, nodes and controllers broad static permissions beside RBAC, so a"
              + " compromised pod can act far beyond the Roles it was bound to.",
          "Remove enable_legacy_abac from the google_container_cluster (it defaults to false) or set it to false.",
          List.of(
              "checkov CKV_GCP_7",
              "tfsec google-gke-use-rbac-permissions",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      for (TerraformValue value : terraform.values(cluster, SETTING)) {
        if (Boolean.TRUE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + SETTING + " = true" + value.where()));
        }
      }
    }
    return findings;
  }
}
