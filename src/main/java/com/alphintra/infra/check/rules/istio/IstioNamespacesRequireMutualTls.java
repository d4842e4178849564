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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every application namespace of an overlay (one labelled for sidecar injection, or holding a
 * workload) is covered by a STRICT PeerAuthentication: its own namespace-wide one, else the
 * mesh-wide one of the root namespace istio-system, which a namespace-wide PERMISSIVE or DISABLE
 * overrides.
 */
public final class IstioNamespacesRequireMutualTls implements Rule {

  private static final String ROOT_NAMESPACE = "istio-system";

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-namespace-mtls",
          "Every application namespace is covered by a STRICT PeerAuthentication",
          Severity.HIGH,
          Target.ISTIO,
          "Without a STRICT PeerAuthentication covering it, a namespace accepts plain-text traffic (Istio's default"
              + " is PERMISSIVE), so callers outside the mesh carry no identity and principal-based authorization"
              + " cannot hold; a policy that is only weak where written is istio-mtls-strict's, this rule finds the"
              + " namespaces no policy covers at all.",
          "Add a mesh-wide PeerAuthentication named default in istio-system with spec.mtls.mode: STRICT (or a"
              + " namespace-wide one in the namespace).",
          List.of(
              "Istio security best practices: mutual TLS (STRICT mode)",
              "https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      Map<String, String> namespaceModes = new HashMap<>();
      for (LoadedObject policy : set.view().ofKind("PeerAuthentication")) {
        Map<?, ?> spec = Fields.spec(policy);
        if (policy.namespace().isEmpty() || spec.get("selector") != null) {
          continue;
        }
        String mode = Fields.text(Fields.map(spec.get("mtls")).get("mode")).orElse("UNSET");
        namespaceModes.merge(
            policy.namespace().get(),
            mode,
            (first, second) -> first.equals("UNSET") ? second : first);
      }
      boolean meshStrict = "STRICT".equals(namespaceModes.get(ROOT_NAMESPACE));
      applicationNamespaces(set)
          .forEach(
              (namespace, anchor) -> {
                String mode = namespaceModes.getOrDefault(namespace, "UNSET");
                // PERMISSIVE or DISABLE written is istio-mtls-strict's finding; only an uncovered
                // namespace is this one's.
                if (!mode.equals("UNSET") || meshStrict) {
                  return;
                }
                findings.add(
                    set,
                    anchor.object(),
                    anchor.path(),
                    "application namespace "
                        + namespace
                        + " is not covered by a STRICT PeerAuthentication (none namespace-wide in "
                        + namespace
                        + ", none mesh-wide in "
                        + ROOT_NAMESPACE
                        + ")");
              });
    }
    return findings.list();
  }

  private record Anchor(LoadedObject object, String path) {}

  /**
   * Each application namespace and where to report it: its Namespace object, else its first
   * workload.
   */
  private static Map<String, Anchor> applicationNamespaces(ObjectSet set) {
    Map<String, Anchor> namespaces = new LinkedHashMap<>();
    for (LoadedObject namespace : set.view().ofKind("Namespace")) {
      Map<String, String> labels = namespace.object().labels();
      if ("enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev")) {
        namespaces.putIfAbsent(namespace.name(), new Anchor(namespace, "metadata.name"));
      }
    }
    for (LoadedObject workload : set.view().workloads()) {
      String name = workload.namespace().orElseThrow();
      if (!namespaces.containsKey(name) && !name.equals(ROOT_NAMESPACE)) {
        List<LoadedObject> declared = set.view().find("Namespace", Optional.empty(), name);
        namespaces.put(
            name,
            declared.isEmpty()
                ? new Anchor(workload, "metadata.namespace")
                : new Anchor(declared.get(0), "metadata.name"));
      }
    }
    return namespaces;
  }
}
