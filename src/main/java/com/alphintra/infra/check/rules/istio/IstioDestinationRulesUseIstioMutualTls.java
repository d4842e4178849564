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

/**
 * No DestinationRule toward a service of the mesh turns Istio mutual TLS off: its {@code tls.mode}
 * (the rule's, a subset's or a port's) is ISTIO_MUTUAL or left out (auto mTLS). External hosts
 * (ServiceEntries) are exempt.
 */
public final class IstioDestinationRulesUseIstioMutualTls implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-dr-mtls",
          "DestinationRules toward in-mesh services keep Istio mutual TLS",
          Severity.HIGH,
          Target.ISTIO,
          "A client-side tls.mode of DISABLE sends plain text, and SIMPLE or MUTUAL present no mesh identity (or"
              + " a foreign one): with STRICT PeerAuthentication the calls fail, and where a port is PERMISSIVE they"
              + " pass unencrypted and without a principal, so the callee's AuthorizationPolicies cannot tell who"
              + " called. DestinationRules override the mesh-wide setting silently.",
          "Set trafficPolicy.tls.mode: ISTIO_MUTUAL (or leave tls out) on the DestinationRule, its subsets and its"
              + " portLevelSettings.",
          List.of(
              "Istio security best practices: mutual TLS",
              "https://istio.io/latest/docs/ops/best-practices/security/#mutual-tls",
              "https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    MeshHosts mesh = new MeshHosts(platform.deployed());
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject rule : platform.deployed().ofKind("DestinationRule")) {
      String host = Raw.text(Raw.spec(rule), "host").orElse("");
      if (host.isEmpty() || !mesh.isInMesh(host)) {
        continue;
      }
      for (TrafficPolicy policy : TrafficPolicy.all(rule)) {
        Raw.text(Raw.map(policy.fields(), "tls"), "mode")
            .filter(mode -> !mode.equals("ISTIO_MUTUAL"))
            .ifPresent(
                mode ->
                    findings.add(
                        Finding.about(
                            INFO,
                            platform,
                            rule,
                            (policy.path() + ".tls.mode"),
                            rule.describe(),
                            rule.describe()
                                + " sets tls.mode: "
                                + mode
                                + " toward in-mesh host "
                                + host
                                + where(policy))));
      }
    }
    return findings;
  }

  private static String where(TrafficPolicy policy) {
    return policy.path().equals("spec.trafficPolicy") ? "" : " (at " + policy.path() + ")";
  }
}
