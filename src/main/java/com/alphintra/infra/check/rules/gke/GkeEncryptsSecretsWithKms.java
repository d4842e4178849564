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
 * Kubernetes Secrets are encrypted in etcd with a Cloud KMS key we control (application-layer
 * encryption).
 */
public final class GkeEncryptsSecretsWithKms implements Rule {

  static final String BLOCK = "database_encryption";
  static final String STATE = BLOCK + ".state";
  static final String KEY = BLOCK + ".key_name";
  static final String ENCRYPTED = "ENCRYPTED";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-secrets-encryption",
          "GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key",
          Severity.MEDIUM,
          Target.GKE,
          "Without application-layer encryption Secrets in etcd are protected only by Google's storage encryption, so"
              + " anyone who obtains an etcd copy or backup reads every database password and API key; a KMS key adds"
              + " an IAM-controlled, audited, revocable layer.",
          "Set database_encryption { state = \"ENCRYPTED\", key_name = google_kms_crypto_key.secrets.id } on the"
              + " google_container_cluster and grant the GKE service agent roles/cloudkms.cryptoKeyEncrypterDecrypter"
              + " on the key.",
          List.of(
              "CIS GKE Benchmark (Kubernetes Secrets encrypted using keys managed in Cloud KMS)",
              "terraform-google-modules kubernetes-engine safer-cluster",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      if (cluster.attribute(STATE).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                cluster.lineOf(STATE),
                cluster.address(),
                cluster.address()
                    + " does not set "
                    + STATE
                    + " = \""
                    + ENCRYPTED
                    + "\", so Secrets are stored without"
                    + " application-layer encryption"));
        continue;
      }
      List<TerraformValue> states = terraform.values(cluster, STATE);
      for (TerraformValue value : states) {
        if (value.value() instanceof String state && !state.equals(ENCRYPTED)) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address()
                      + " sets "
                      + STATE
                      + " = "
                      + Literal.of(state)
                      + value.where()));
        }
      }
      boolean decryptedEverywhere =
          states.size() == 1
              && states.get(0).everywhere()
              && !ENCRYPTED.equals(states.get(0).value());
      if (decryptedEverywhere) {
        continue;
      }
      if (cluster.attribute(KEY).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                cluster.file(),
                cluster.lineOf(KEY),
                cluster.address(),
                cluster.address()
                    + " does not set "
                    + KEY
                    + ", so no Cloud KMS key encrypts its Secrets"));
        continue;
      }
      for (TerraformValue value : terraform.values(cluster, KEY)) {
        if ("".equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  cluster.address(),
                  cluster.address() + " sets " + KEY + " to an empty string" + value.where()));
        }
      }
    }
    return findings;
  }
}
