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
import java.util.Map;
import java.util.Set;

/**
 * Gateways serve HTTPS with a certificate from a Secret ({@code tls.credentialName}); a plain-HTTP
 * server only redirects to HTTPS ({@code tls.httpsRedirect: true}).
 */
public final class IstioGatewaysServeHttps implements Rule {

  private static final Set<String> PLAIN = Set.of("HTTP", "HTTP2");
  private static final Set<String> TERMINATING = Set.of("SIMPLE", "MUTUAL", "OPTIONAL_MUTUAL");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-gateway-https",
          "Gateways serve HTTPS with a credentialName and use HTTP only to redirect",
          Severity.HIGH,
          Target.ISTIO,
          "Plain HTTP at the edge sends tokens, account ids and orders readable and changeable by anyone on the path;"
              + " an HTTPS server without credentialName has no certificate the gateway can rotate from a Secret (and"
              + " fails to start its listener).",
          "Serve protocol: HTTPS with tls.mode: SIMPLE and tls.credentialName: <Secret>, and give a protocol: HTTP"
              + " server tls.httpsRedirect: true.",
          List.of(
              "Istio security best practices: gateways",
              "https://istio.io/latest/docs/ops/best-practices/security/#gateways",
              "https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject gateway : platform.deployed().ofKind("Gateway")) {
      List<?> servers = Raw.list(Raw.spec(gateway), "servers");
      for (int index = 0; index < servers.size(); index++) {
        Object server = servers.get(index);
        String protocol = Raw.text(Raw.map(server, "port"), "protocol").orElse("");
        Map<?, ?> tls = Raw.map(server, "tls");
        String path = "spec.servers[" + index + "]";
        String name = gateway.describe() + " server " + (index + 1);
        if (PLAIN.contains(protocol) && !Boolean.TRUE.equals(tls.get("httpsRedirect"))) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  gateway,
                  (path + ".port.protocol"),
                  gateway.describe(),
                  name + " serves plain " + protocol + " without tls.httpsRedirect: true"));
        } else if (protocol.equals("HTTPS")
            && TERMINATING.contains(Raw.text(tls, "mode").orElse("SIMPLE"))
            && !Raw.has(tls, "credentialName")
            && Raw.list(tls, "credentialNames").isEmpty()) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  gateway,
                  (path + ".tls"),
                  gateway.describe(),
                  name + " serves HTTPS without tls.credentialName"));
        }
      }
    }
    return findings;
  }
}
