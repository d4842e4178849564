package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Every Gateway a VirtualService binds to ({@code spec.gateways}: {@code namespace/name}, or a name
 * in the VirtualService's namespace; {@code mesh} is the sidecars) exists in the same overlay.
 */
public final class IstioVirtualServiceGatewaysExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-vs-gateway-exists",
          "VirtualServices bind only to Gateways that exist",
          Severity.HIGH,
          Target.ISTIO,
          "A VirtualService bound to a missing Gateway is never attached to any listener, so the hosts it should"
              + " expose are unreachable; a short name resolves in the VirtualService's own namespace, a common slip.",
          "Name an existing Gateway in spec.gateways as namespace/name (or a name in the VirtualService's namespace),"
              + " or add the Gateway.",
          List.of(
              "istioctl analyze IST0101 ReferencedResourceNotFound (gateway)",
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
        List<?> gateways = Fields.list(Fields.spec(virtualService).get("gateways"));
        for (int index = 0; index < gateways.size(); index++) {
          Optional<String> gateway = Fields.text(gateways.get(index));
          if (gateway.isEmpty() || gateway.get().equals("mesh")) {
            continue;
          }
          String reference = gateway.get();
          int slash = reference.indexOf('/');
          Optional<String> namespace =
              slash >= 0 ? Optional.of(reference.substring(0, slash)) : virtualService.namespace();
          String name = reference.substring(slash + 1);
          if (namespace.isEmpty() || set.view().has("Gateway", namespace, name)) {
            continue;
          }
          findings.add(
              set,
              virtualService,
              "spec.gateways[" + index + "]",
              virtualService.describe()
                  + " binds to Gateway "
                  + namespace.get()
                  + "/"
                  + name
                  + ", which does not exist");
        }
      }
    }
    return findings.list();
  }
}
