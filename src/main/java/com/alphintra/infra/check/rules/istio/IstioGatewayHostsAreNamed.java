package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** No Gateway server accepts every host: each names the hosts (or the namespace) it serves. */
public final class IstioGatewayHostsAreNamed implements Rule {

  private static final Set<String> EVERY_HOST = Set.of("*", "*/*");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-gateway-host-not-wildcard",
          "Gateway servers name their hosts instead of *",
          Severity.HIGH,
          Target.ISTIO,
          "A server with host * lets any VirtualService in any namespace bind to the gateway, so whoever can create a"
              + " VirtualService can publish an internal service, or take over a public host, on the platform's edge.",
          "List the public host names (api.alphintra.localhost) or namespace-scoped hosts (alphintra/*) in"
              + " spec.servers[].hosts.",
          List.of(
              "Istio security best practices: avoid overly broad hosts configurations",
              "https://istio.io/latest/docs/ops/best-practices/security/#avoid-overly-broad-hosts-configurations"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject gateway : platform.deployed().ofKind("Gateway")) {
      List<?> servers = Raw.list(Raw.spec(gateway), "servers");
      for (int server = 0; server < servers.size(); server++) {
        List<?> hosts = Raw.list(servers.get(server), "hosts");
        for (int host = 0; host < hosts.size(); host++) {
          if (hosts.get(host) instanceof String name && EVERY_HOST.contains(name)) {
            findings.add(
                Finding.about(
                    INFO,
                    platform,
                    gateway,
                    ("spec.servers[" + server + "].hosts[" + host + "]"),
                    gateway.describe(),
                    gateway.describe()
                        + " server "
                        + (server + 1)
                        + " accepts host \""
                        + name
                        + "\""));
          }
        }
      }
    }
    return findings;
  }
}
