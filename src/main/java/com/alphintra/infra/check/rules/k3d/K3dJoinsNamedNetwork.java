package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * The local cluster joins a named Docker network that Docker Compose services can join too (issue
 * #10).
 */
public final class K3dJoinsNamedNetwork implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-network",
          "The local cluster joins a named Docker network",
          Severity.LOW,
          Target.K3D,
          "Without network, k3d creates a network named after the cluster with a generated subnet, which a Docker"
              + " Compose file cannot name in advance: Compose services (a local exchange simulator, a debugger) then"
              + " cannot reach the cluster's load balancer or registry by name.",
          "Set network: alphintra-net in the k3d cluster configuration and the same name as an external network in"
              + " the compose file.",
          List.of(
              "https://k3d.io/stable/usage/configfile/",
              "https://docs.docker.com/compose/how-tos/networking/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (ClusterConfig config : ClusterConfig.all(platform)) {
      if (config.model().network().isEmpty() && config.source().valueAt("network").isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf("network"),
                config.describe(),
                config.describe()
                    + " sets no network, so k3d creates one Docker Compose cannot name in advance"));
      }
    }
    return findings;
  }
}
