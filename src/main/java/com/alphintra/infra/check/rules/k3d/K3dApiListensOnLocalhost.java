package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.K3dConfig;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The local cluster's API server is reachable from this machine only. */
public final class K3dApiListensOnLocalhost implements Rule {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-api-localhost",
          "The local cluster's API server listens on 127.0.0.1 only",
          Severity.HIGH,
          Target.K3D,
          "k3d publishes the API server on every interface unless told otherwise, so anyone on the same network"
              + " (a cafe, a conference) can reach a cluster whose admin credentials sit in a local kubeconfig.",
          "Set kubeAPI.hostIP: \"127.0.0.1\" in the k3d cluster configuration.",
          List.of(
              "DESIGN.md conventions: local endpoints bind to 127.0.0.1 only",
              "https://k3d.io/stable/usage/configfile/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (K3dConfig config : platform.k3d()) {
      Optional<Object> hostIp = config.valueAt("kubeAPI.hostIP");
      String object =
          "k3d cluster "
              + config.valueAt("metadata.name").map(Object::toString).orElse("<unnamed>");
      if (hostIp.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                config.file(),
                config.lineOf("kubeAPI.hostIP"),
                object,
                object
                    + " does not set kubeAPI.hostIP, so the API server listens on all interfaces (0.0.0.0)"));
      } else if (hostIp.get() instanceof String ip && !LOOPBACK.contains(ip)) {
        findings.add(
            Finding.of(
                INFO,
                config.file(),
                config.lineOf("kubeAPI.hostIP"),
                object,
                object + " sets kubeAPI.hostIP: " + ip));
      }
    }
    return findings;
  }
}
