package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.k3d.K3dConfigFile;
import com.alphintra.infra.manifest.k3d.K3dConfigReader;
import com.alphintra.infra.platform.K3dConfig;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * The k3d cluster configuration uses only keys of k3d's v1alpha5 Simple config, with values of the
 * right type.
 */
public final class K3dConfigMatchesItsSchema implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-schema-valid",
          "The k3d configuration uses only keys of k3d.io/v1alpha5 Simple, with values of the right type",
          Severity.HIGH,
          Target.K3D,
          "k3d refuses a configuration that its schema rejects, so a misspelt key stops 'alphintra up' at the cluster"
              + " step; keys the schema lets through but k3d ignores silently drop a setting such as a port or a volume.",
          "Fix the key or value to match k3d's configuration reference for apiVersion k3d.io/v1alpha5.",
          List.of("k3d config schema v1alpha5", "https://k3d.io/stable/usage/configfile/"));

  private final K3dConfigReader reader = new K3dConfigReader();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (K3dConfig config : platform.k3d()) {
      K3dConfigFile typed = reader.read(config.document());
      String object =
          "k3d cluster "
              + config.valueAt("metadata.name").map(Object::toString).orElse("<unnamed>");
      for (ManifestProblem problem : typed.problems()) {
        if (problem.isError()) {
          findings.add(
              Finding.of(
                  INFO,
                  config.file(),
                  problem.position().line(),
                  object,
                  object + ": " + problem.message()));
        }
      }
    }
    return findings;
  }
}
