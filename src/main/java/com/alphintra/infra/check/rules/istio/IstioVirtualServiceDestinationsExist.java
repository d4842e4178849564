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
import com.alphintra.infra.check.rules.refs.ServiceHosts.ServiceName;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Every VirtualService route goes to a Service of the same overlay (or a host a ServiceEntry
 * declares), on a port that Service has.
 */
public final class IstioVirtualServiceDestinationsExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-vs-destination-exists",
          "VirtualService destinations are Services (or ServiceEntry hosts) with the routed port",
          Severity.HIGH,
          Target.ISTIO,
          "A route to a host nothing in the mesh declares, or to a port its Service does not have, fails every"
              + " request it matches with 503 (no healthy upstream) while the configuration applies without error.",
          "Point the destination host at an existing Service (name, name.namespace or its cluster FQDN) or declare"
              + " the host with a ServiceEntry, and route to one of the Service's ports.",
          List.of(
              "istioctl analyze IST0101 ReferencedResourceNotFound",
              "https://istio.io/latest/docs/reference/config/analysis/ist0101/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject virtualService : set.view().ofKind("VirtualService")) {
        for (Destination destination : Destinations.of(virtualService)) {
          check(set, virtualService, destination, findings);
        }
      }
    }
    return findings.list();
  }

  private static void check(
      ObjectSet set,
      LoadedObject virtualService,
      Destination destination,
      ReferenceFindings findings) {
    if (ServiceHosts.isWildcard(destination.host())) {
      return;
    }
    Optional<ServiceName> name =
        ServiceHosts.serviceName(destination.host(), virtualService.namespace());
    if (ServiceHosts.declaredByServiceEntry(set.view(), destination.host(), name)) {
      return;
    }
    if (name.isEmpty()
        && virtualService.namespace().isEmpty()
        && !destination.host().contains(".")) {
      return;
    }
    Optional<LoadedObject> service = name.flatMap(found -> ServiceHosts.service(set.view(), found));
    if (service.isEmpty()) {
      findings.add(
          set,
          virtualService,
          destination.path() + ".host",
          virtualService.describe()
              + " routes to host "
              + destination.host()
              + " but no "
              + ServiceHosts.expected(name)
              + " declares it");
      return;
    }
    if (destination.port().isPresent() && !hasPort(service.get(), destination.port().get())) {
      findings.add(
          set,
          virtualService,
          destination.path() + ".port.number",
          virtualService.describe()
              + " routes to port "
              + destination.port().get()
              + " of "
              + service.get().describe()
              + ", which has no such port");
    }
  }

  private static boolean hasPort(LoadedObject service, int number) {
    return Fields.list(Fields.spec(service).get("ports")).stream()
        .anyMatch(port -> Integer.valueOf(number).equals(Fields.map(port).get("port")));
  }
}
