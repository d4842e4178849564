package com.alphintra.infra.check;

import com.alphintra.infra.platform.LoadError;
import java.nio.file.Path;
import java.util.List;

/** A report with two findings in two files and one unreadable file, run through the real engine. */
final class Reports {

  private Reports() {}

  static CheckReport sample() {
    Finding api =
        new Finding(
            "k8s-run-as-non-root",
            Severity.HIGH,
            Path.of("infra/kubernetes/base/api.yaml"),
            12,
            "Deployment alphintra/api container \"api\"",
            "Deployment alphintra/api container \"api\" runs as root");
    Finding cluster =
        new Finding(
            "gke-private-nodes",
            Severity.HIGH,
            Path.of("infra/terraform/modules/gke/main.tf"),
            4,
            "google_container_cluster.primary",
            "google_container_cluster.primary sets enable_private_nodes = false");
    CheckEngine engine =
        new CheckEngine(
            new RuleRegistry(
                List.of(
                    new FixedRule(ruleInfo("k8s-run-as-non-root"), List.of(api), false),
                    new FixedRule(ruleInfo("gke-private-nodes"), List.of(cluster), false))));
    return engine.run(
        TestPlatforms.withLoadError(
            new LoadError(
                Path.of("infra/kubernetes/base/broken.yaml"),
                4,
                1,
                "malformed YAML: expected ','")),
        CheckOptions.all());
  }

  private static RuleInfo ruleInfo(String id) {
    return RuleRegistry.builtIn().find(id).orElseThrow();
  }

  static CheckReport clean() {
    return new CheckEngine(new RuleRegistry(List.of()))
        .run(TestPlatforms.empty(), CheckOptions.all());
  }
}
