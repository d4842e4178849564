package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Destinations;
import com.alphintra.infra.check.rules.refs.Destinations.Destination;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.check.rules.refs.ServiceHosts;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every subset a VirtualService routes to is defined by a DestinationRule for the same host. */
public final class IstioVirtualServiceSubsetsAreDefined implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-vs-subset-defined",
          "VirtualService subsets are defined by a DestinationRule for their host",
          Severity.HIGH,
          Target.ISTIO,
          "Envoy has no cluster for a subset no DestinationRule defines, so every request the route matches fails"
              + " with 503 (no healthy upstream).",
          "Define the subset (name and labels) in the DestinationRule of the destination host, or route to a"
              + " defined subset.",
          List.of(
              "istioctl analyze IST0101 ReferencedResourceNotFound (subset)",
              "https://istio.io/latest/docs/reference/config/analysis/ist0101/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      Map<String, List<LoadedObject>> rulesByHost = new HashMap<>();
      Map<String, Set<String>> subsetsByHost = new HashMap<>();
      boolean wildcardRule = false;
      for (LoadedObject rule : set.view().ofKind("DestinationRule")) {
        String host = Fields.text(Fields.spec(rule).get("host")).orElse("");
        wildcardRule |= ServiceHosts.isWildcard(host);
        String key = ServiceHosts.key(host, rule.namespace());
        rulesByHost.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
        Set<String> subsets = subsetsByHost.computeIfAbsent(key, k -> new HashSet<>());
        Fields.list(Fields.spec(rule).get("subsets"))
            .forEach(subset -> Fields.text(Fields.map(subset).get("name")).ifPresent(subsets::add));
      }
      if (wildcardRule) {
        continue;
      }
      for (LoadedObject virtualService : set.view().ofKind("VirtualService")) {
        for (Destination destination : Destinations.of(virtualService)) {
          if (destination.subset().isEmpty() || ServiceHosts.isWildcard(destination.host())) {
            continue;
          }
          String key = ServiceHosts.key(destination.host(), virtualService.namespace());
          String subset = destination.subset().get();
          List<LoadedObject> rules = rulesByHost.getOrDefault(key, List.of());
          if (rules.isEmpty()) {
            findings.add(
                set,
                virtualService,
                destination.path() + ".subset",
                virtualService.describe()
                    + " routes to subset "
                    + subset
                    + " of host "
                    + destination.host()
                    + " but no DestinationRule for that host exists");
          } else if (!subsetsByHost.get(key).contains(subset)) {
            findings.add(
                set,
                virtualService,
                destination.path() + ".subset",
                virtualService.describe()
                    + " routes to subset "
                    + subset
                    + " of host "
                    + destination.host()
                    + " but "
                    + rules.get(0).describe()
                    + " defines no subset "
                    + subset);
          }
        }
      }
    }
    return findings.list();
  }
}
