package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
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
 * Every DestinationRule's host is a Service of the same overlay, or a host a ServiceEntry declares.
 */
public final class IstioDestinationRuleHostsExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-dr-host-exists",
          "DestinationRule hosts are Services (or ServiceEntry hosts)",
          Severity.MEDIUM,
          Target.ISTIO,
          "A DestinationRule for a host nothing declares applies to no traffic: its mutual TLS, connection limits"
              + " and outlier detection silently protect nothing, usually after a Service was renamed.",
          "Set spec.host to an existing Service (name, name.namespace or its cluster FQDN) or declare the host"
              + " with a ServiceEntry.",
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
      for (LoadedObject rule : set.view().ofKind("DestinationRule")) {
        Optional<String> host = Fields.text(Fields.spec(rule).get("host"));
        if (host.isEmpty()
            || ServiceHosts.isWildcard(host.get())
            || rule.namespace().isEmpty() && !host.get().contains(".")) {
          continue;
        }
        Optional<ServiceName> name = ServiceHosts.serviceName(host.get(), rule.namespace());
        if (!ServiceHosts.declaredByServiceEntry(set.view(), host.get(), name)
            && name.flatMap(found -> ServiceHosts.service(set.view(), found)).isEmpty()) {
          findings.add(
              set,
              rule,
              "spec.host",
              rule.describe()
                  + " is for host "
                  + host.get()
                  + " but no "
                  + ServiceHosts.expected(name)
                  + " declares it");
        }
      }
    }
    return findings.list();
  }
}
