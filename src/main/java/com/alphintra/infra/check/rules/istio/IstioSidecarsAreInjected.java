package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.istio.ApplicationNamespaces.ApplicationNamespace;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our workloads run with an Istio sidecar: every namespace holding one is labelled for injection
 * ({@code istio-injection: enabled} or {@code istio.io/rev}), and no pod template opts out with
 * {@code sidecar.istio.io/inject: "false"} (label or annotation). A namespace the files do not
 * define is left alone: its labels are unknown. Judged in what each overlay deploys (a Helm
 * release's workload in an application namespace too), at the line that sets the label, a patch's
 * when an overlay changes it.
 */
public final class IstioSidecarsAreInjected implements Rule {

  private static final String INJECT = "sidecar.istio.io/inject";

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-sidecar-injected",
          "Application namespaces enable sidecar injection and no workload opts out",
          Severity.HIGH,
          Target.ISTIO,
          "A pod without a sidecar is outside the mesh: it sends plain text, has no identity for AuthorizationPolicies"
              + " to name, and with STRICT mTLS cannot reach or be reached by meshed services, or worse, a port left"
              + " PERMISSIVE for it lets anyone in.",
          "Label the namespace istio-injection: enabled (or istio.io/rev: <revision>) and remove"
              + " sidecar.istio.io/inject: \"false\" from the pod template.",
          List.of(
              "istioctl analyze IST0102 NamespaceNotInjected",
              "istioctl analyze IST0103 PodMissingProxy",
              "https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.deployedSets()) {
      Set<String> applicationNamespaces = new HashSet<>();
      for (ApplicationNamespace namespace : ApplicationNamespaces.of(set.view())) {
        applicationNamespaces.add(namespace.name());
        if (namespace.definition().isPresent()
            && namespace.firstWorkload().isPresent()
            && !ApplicationNamespaces.isLabelledForInjection(namespace.definition().get())) {
          LoadedObject definition = namespace.definition().get();
          String value = definition.object().labels().get("istio-injection");
          findings.add(
              set,
              definition,
              value == null ? "metadata.labels" : "metadata.labels[\"istio-injection\"]",
              "Namespace "
                  + namespace.name()
                  + " holds workloads but "
                  + (value == null
                      ? "has no istio-injection or istio.io/rev label"
                      : "sets istio-injection: " + value));
        }
      }
      for (LoadedObject workload :
          set.view().ofKinds(ApplicationNamespaces.WORKLOAD_KINDS.toArray(String[]::new))) {
        if (workload.namespace().isEmpty()
            || !applicationNamespaces.contains(workload.namespace().get())) {
          continue;
        }
        String metadata = podMetadataPath(workload.kind());
        Map<?, ?> podMetadata = podMetadata(workload, metadata);
        for (String field : List.of("labels", "annotations")) {
          Object value = Raw.map(podMetadata, field).get(INJECT);
          if (value != null && String.valueOf(value).equalsIgnoreCase("false")) {
            findings.add(
                set,
                workload,
                metadata + "." + field + "[\"" + INJECT + "\"]",
                workload.describe()
                    + " opts its pods out of the mesh ("
                    + INJECT
                    + ": \"false\" in the pod "
                    + field
                    + ")");
          }
        }
      }
    }
    return findings.list();
  }

  private static String podMetadataPath(String kind) {
    return switch (kind) {
      case "Pod" -> "metadata";
      case "CronJob" -> "spec.jobTemplate.spec.template.metadata";
      default -> "spec.template.metadata";
    };
  }

  private static Map<?, ?> podMetadata(LoadedObject workload, String path) {
    Object node = workload.object().raw();
    for (String key : path.split("\\.")) {
      node = Raw.map(node, key);
    }
    return (Map<?, ?>) node;
  }
}
