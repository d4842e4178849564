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

/**
 * People and tools authenticate to the cluster through Google identities, never a certificate or a
 * password.
 */
public final class GkeDoesNotUseLegacyClientAuthentication implements Rule {

  static final String CLIENT_CERTIFICATE =
      "master_auth.client_certificate_config.issue_client_certificate";
  static final List<String> BASIC_AUTH = List.of("master_auth.username", "master_auth.password");

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-no-legacy-client-auth",
          "GKE clusters issue no client certificates and accept no static passwords",
          Severity.HIGH,
          Target.GKE,
          "A client certificate or a basic-auth password is a cluster-admin credential that cannot be revoked short of"
              + " rotating the cluster's credentials, and it lands in the Terraform state in plain text.",
          "Remove master_auth.username and master_auth.password, and set master_auth { client_certificate_config {"
              + " issue_client_certificate = false } } (or leave it unset) on the google_container_cluster.",
          List.of(
              "checkov CKV_GCP_13",
              "checkov CKV_GCP_19",
              "tfsec google-gke-no-legacy-authentication",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      for (TerraformValue value : terraform.values(cluster, CLIENT_CERTIFICATE)) {
        if (Boolean.TRUE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + CLIENT_CERTIFICATE + " = true" + value.where()));
        }
      }
      for (String setting : BASIC_AUTH) {
        for (TerraformValue value : terraform.values(cluster, setting)) {
          if (value.value() instanceof String text && !text.isEmpty()) {
            findings.add(
                Finding.of(
                    INFO,
                    value.file(),
                    value.line(),
                    cluster.address(),
                    cluster.address()
                        + " sets "
                        + setting
                        + value.where()
                        + ", turning on basic authentication"));
          }
        }
      }
    }
    return findings;
  }
}
