package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/** The local cluster pulls our images from a local registry that k3d creates or joins. */
public final class K3dHasRegistry implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-registry",
          "The local cluster has an image registry configured",
          Severity.LOW,
          Target.K3D,
          "Without a registry, locally built images reach the nodes only by k3d image import on every build, which"
              + " is slow and easy to forget, so the cluster quietly runs an old image or one pulled from a public"
              + " registry under the same name.",
          "Add registries.create (name, host: \"127.0.0.1\", hostPort) or registries.use to the k3d cluster"
              + " configuration.",
          List.of("https://k3d.io/stable/usage/registries/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (ClusterConfig config : ClusterConfig.all(platform)) {
      boolean configured =
          config
              .model()
              .registries()
              .map(
                  registries ->
                      registries.create().isPresent()
                          || !registries.use().isEmpty()
                          || registries.config().isPresent())
              .orElse(false);
      boolean unreadable =
          config.model().registries().isEmpty()
              && config.source().valueAt("registries").isPresent();
      if (!configured && !unreadable) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf("registries"),
                config.describe(),
                config.describe()
                    + " neither creates nor uses a registry (registries.create, registries.use)"));
      }
    }
    return findings;
  }
}
