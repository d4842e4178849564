package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every Service port tells Istio its protocol: an {@code appProtocol}, or a name {@code <protocol>}
 * or {@code <protocol>-<suffix>} with a protocol Istio knows ({@code http}, {@code grpc}, {@code
 * tcp-postgres}).
 */
public final class K8sServicePortsAreNamed implements Rule {

  /** The protocol prefixes of Istio's explicit protocol selection by port name. */
  private static final Set<String> ISTIO_PROTOCOLS =
      Set.of(
          "http",
          "http2",
          "https",
          "grpc",
          "grpc-web",
          "tcp",
          "tls",
          "udp",
          "mongo",
          "mysql",
          "redis");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-service-port-named",
          "Service ports name their protocol for Istio",
          Severity.LOW,
          Target.K8S,
          "Istio picks a port's protocol from its appProtocol or its name; otherwise it guesses from the first bytes,"
              + " and a server-first protocol such as PostgreSQL or a guessed HTTP port loses routing, retries,"
              + " metrics and authorization by path.",
          "Name each Service port <protocol>[-<suffix>] (http, grpc, tcp-postgres) or set its appProtocol.",
          List.of(
              "istioctl analyze IST0118 PortNameIsNotUnderNamingConvention",
              "https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject service : platform.deployed().ofKind("Service")) {
      if (!(service.object().raw().get("spec") instanceof Map<?, ?> spec)
          || !(spec.get("ports") instanceof List<?> ports)) {
        continue;
      }
      for (int index = 0; index < ports.size(); index++) {
        if (!(ports.get(index) instanceof Map<?, ?> port)
            || port.get("appProtocol") instanceof String) {
          continue;
        }
        String number =
            port.get("port") == null ? "#" + (index + 1) : String.valueOf(port.get("port"));
        String path = "spec.ports[" + index + "]";
        if (!(port.get("name") instanceof String name)) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  (path),
                  service.describe(),
                  service.describe()
                      + " port "
                      + number
                      + " has neither a name nor an appProtocol"));
        } else if (!namesProtocol(name)) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  (path + ".name"),
                  service.describe(),
                  service.describe()
                      + " port "
                      + number
                      + " is named \""
                      + name
                      + "\", which names no protocol Istio knows, and has no appProtocol"));
        }
      }
    }
    return findings;
  }

  private static boolean namesProtocol(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ISTIO_PROTOCOLS.stream()
        .anyMatch(protocol -> lower.equals(protocol) || lower.startsWith(protocol + "-"));
  }
}
