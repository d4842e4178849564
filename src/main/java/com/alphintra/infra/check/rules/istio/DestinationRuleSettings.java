package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The DestinationRules toward in-mesh services whose own traffic policy leaves out a setting. */
final class DestinationRuleSettings {

  private DestinationRuleSettings() {}

  /**
   * A finding of {@code rule} for each DestinationRule toward an in-mesh host whose {@code
   * spec.trafficPolicy} has no {@code setting}. Subset policies do not count: traffic not routed to
   * a subset gets the rule's own.
   */
  static List<Finding> missing(
      Platform platform, RuleInfo rule, String setting, String description) {
    MeshHosts mesh = new MeshHosts(platform.deployed());
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject destination : platform.deployed().ofKind("DestinationRule")) {
      Map<?, ?> spec = Raw.spec(destination);
      String host = Raw.text(spec, "host").orElse("");
      if (host.isEmpty()
          || !mesh.isInMesh(host)
          || Raw.has(Raw.map(spec, "trafficPolicy"), setting)) {
        continue;
      }
      String path = Raw.has(spec, "trafficPolicy") ? "spec.trafficPolicy" : "spec.host";
      findings.add(
          Finding.about(
              rule,
              platform,
              destination,
              (path),
              destination.describe(),
              destination.describe()
                  + " for "
                  + host
                  + " sets no "
                  + description
                  + " (trafficPolicy."
                  + setting
                  + ")"));
    }
    return findings;
  }
}
