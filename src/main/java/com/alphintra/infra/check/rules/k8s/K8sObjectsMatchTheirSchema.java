package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Kubernetes, Istio and Prometheus-operator object reads into its typed model: no unknown
 * field, no value of the wrong type. The API server rejects such an object, or worse, an unknown
 * field in a CRD-backed kind is pruned silently and the setting (a timeout, an mTLS mode) never
 * takes effect.
 */
public final class K8sObjectsMatchTheirSchema implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-schema-valid",
          "Kubernetes and Istio objects use only fields their API defines, with values of the right type",
          Severity.HIGH,
          Target.K8S,
          "A misspelt field is dropped without a word: the API server prunes unknown fields of CRD-backed kinds, so"
              + " an Istio timeout, retry limit or TLS mode that is spelt wrong is simply not in force, and a wrong"
              + " type makes the whole apply fail at deploy time instead of in review.",
          "Fix the field's name or value to match the API reference of the object's kind.",
          List.of(
              "istioctl analyze IST0106 SchemaValidationError",
              "kubeconform strict mode",
              "kubectl apply --validate=strict"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject object : platform.kubernetes().objects()) {
      // A rendered object repeats a loose file's content; its problems are reported once, at the
      // file.
      if (object.overlay().isPresent()) {
        continue;
      }
      for (ManifestProblem problem : object.object().problems()) {
        if (problem.isError()) {
          findings.add(
              Finding.of(
                  INFO,
                  object.file(),
                  problem.position().line(),
                  object.describe(),
                  object.describe() + ": " + problem.message()));
        }
      }
    }
    return findings;
  }
}
