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

/** No PeerAuthentication lets plain-text traffic into the mesh. */
public final class IstioMtlsIsStrict implements Rule {

  private static final Set<String> WEAK = Set.of("PERMISSIVE", "DISABLE");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-mtls-strict",
          "Mesh traffic is mutual TLS only",
          Severity.HIGH,
          Target.ISTIO,
          "PERMISSIVE or DISABLE accepts plain-text connections, which carry no verified identity, so"
              + " AuthorizationPolicies that name principals cannot hold and traffic can be read on the wire.",
          "Set spec.mtls.mode: STRICT on the PeerAuthentication (and on every portLevelMtls entry).",
          List.of(
              "Istio security best practices: mutual TLS (STRICT mode)",
              "https://istio.io/latest/docs/ops/best-practices/security/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject policy : platform.deployed().ofKind("PeerAuthentication")) {
      Map<?, ?> spec = policy.object().raw().get("spec") instanceof Map<?, ?> map ? map : Map.of();
      if (spec.get("mtls") instanceof Map<?, ?> mtls
          && mtls.get("mode") instanceof String mode
          && WEAK.contains(mode)) {
        findings.add(
            Finding.about(
                INFO,
                platform,
                policy,
                ("spec.mtls.mode"),
                policy.describe(),
                policy.describe() + " sets mtls.mode: " + mode));
      }
      if (spec.get("portLevelMtls") instanceof Map<?, ?> ports) {
        ports.forEach(
            (port, setting) -> {
              if (setting instanceof Map<?, ?> portMtls
                  && portMtls.get("mode") instanceof String mode
                  && WEAK.contains(mode)) {
                findings.add(
                    Finding.about(
                        INFO,
                        platform,
                        policy,
                        ("spec.portLevelMtls[\"" + port + "\"].mode"),
                        policy.describe(),
                        policy.describe() + " sets mode: " + mode + " for port " + port));
              }
            });
      }
    }
    return findings;
  }
}
