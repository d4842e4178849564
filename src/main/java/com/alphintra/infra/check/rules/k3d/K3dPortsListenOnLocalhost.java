package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.k3d.HostPortClaim;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every port the local cluster publishes (ingress ports and the registry) binds 127.0.0.1 only. The
 * API server port is {@code k3d-api-localhost}'s.
 */
public final class K3dPortsListenOnLocalhost implements Rule {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-ports-localhost",
          "The local cluster publishes its ports and registry on 127.0.0.1 only",
          Severity.HIGH,
          Target.K3D,
          "A port mapping without a host address binds every interface: on a shared network anyone can reach the"
              + " ingress gateway (with development credentials) and push images into the registry the cluster pulls"
              + " from, which is code execution in the cluster.",
          "Prefix each ports[].port with 127.0.0.1: (127.0.0.1:443:443) and set registries.create.host: \"127.0.0.1\".",
          List.of(
              "DESIGN.md conventions: local endpoints bind to 127.0.0.1 only",
              "https://k3d.io/stable/usage/exposing_services/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (ClusterConfig config : ClusterConfig.all(platform)) {
      for (HostPortClaim claim : config.model().hostPortClaims()) {
        String path = claim.path().toString();
        if (path.startsWith("kubeAPI")) {
          continue;
        }
        String address = claim.ports().hostIp().orElse("");
        if (!LOOPBACK.contains(address)) {
          findings.add(
              Finding.of(
                  INFO,
                  config.source().file(),
                  config.lineOf(path),
                  config.describe(),
                  config.describe()
                      + " publishes host port "
                      + numbers(claim)
                      + " ("
                      + path
                      + ") on "
                      + (address.isEmpty() ? "every interface (0.0.0.0)" : address)));
        }
      }
      config
          .model()
          .registry()
          .filter(registry -> registry.hostPortNumber().isEmpty())
          .filter(registry -> !LOOPBACK.contains(registry.host().orElse("")))
          .ifPresent(
              registry ->
                  findings.add(
                      Finding.of(
                          INFO,
                          config.source().file(),
                          config.lineOf("registries.create.host"),
                          config.describe(),
                          config.describe()
                              + " publishes its registry on "
                              + registry.host().orElse("every interface (0.0.0.0)"))));
    }
    return findings;
  }

  private static String numbers(HostPortClaim claim) {
    int first = claim.ports().first();
    int last = claim.ports().last();
    return first == last ? String.valueOf(first) : first + "-" + last;
  }
}
