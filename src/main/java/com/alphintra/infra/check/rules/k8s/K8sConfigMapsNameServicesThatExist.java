package com.alphintra.infra.check.rules.k8s;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ConfigMap that tells a service where another one is (a {@code *_HOST} key with a cluster DNS
 * name and its {@code *_PORT}, or a URL to one) names a Service that the same overlay deploys, on a
 * port that Service exposes. A namespace with no Service in the overlay is left alone: its Services
 * come from a Helm release the view does not render.
 */
public final class K8sConfigMapsNameServicesThatExist implements Rule {

  private static final Pattern CLUSTER_HOST =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?");
  private static final Pattern URL =
      Pattern.compile(
          "[a-z][a-z0-9+.-]*://(?:[^@/\\s]*@)?(" + CLUSTER_HOST.pattern() + ")(?::([0-9]+))?");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-configmap-service-refs",
          "Hosts and ports in ConfigMaps name Services the overlay deploys, on ports they expose",
          Severity.MEDIUM,
          Target.K8S,
          "A service reads where its dependencies are from its ConfigMap; a host no Service answers, or a port"
              + " the Service does not expose, fails only when the first request goes out, and an overlay can"
              + " change either half alone.",
          "Point the ConfigMap at NAME.NAMESPACE.svc.cluster.local of a Service the overlay deploys, with one of"
              + " its ports (or add the Service).",
          List.of("kube-score (none: cross-object)", "istioctl analyze IST0101 (for routes)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      Set<String> namespacesWithServices = new HashSet<>();
      set.view()
          .ofKind("Service")
          .forEach(s -> s.namespace().ifPresent(namespacesWithServices::add));
      for (LoadedObject map : set.view().ofKind("ConfigMap")) {
        Map<?, ?> data = Fields.map(map.object().raw().get("data"));
        data.forEach(
            (key, value) -> {
              if (!(key instanceof String name) || !(value instanceof String text)) {
                return;
              }
              String path = "data[\"" + name + "\"]";
              Matcher host = CLUSTER_HOST.matcher(text.strip());
              if (name.endsWith("_HOST") && host.matches()) {
                String prefix = name.substring(0, name.length() - "HOST".length());
                Optional<Integer> port = number(data.get(prefix + "PORT"));
                check(
                    findings,
                    set,
                    map,
                    path,
                    "data[\"" + prefix + "PORT\"]",
                    text.strip(),
                    port,
                    namespacesWithServices);
              }
              Matcher url = URL.matcher(text);
              while (url.find()) {
                Optional<Integer> port =
                    url.group(7) == null
                        ? Optional.empty()
                        : Optional.of(Integer.parseInt(url.group(7)));
                check(findings, set, map, path, path, url.group(1), port, namespacesWithServices);
              }
            });
      }
    }
    return findings.list();
  }

  private static void check(
      ReferenceFindings findings,
      ObjectSet set,
      LoadedObject map,
      String path,
      String portPath,
      String host,
      Optional<Integer> port,
      Set<String> namespacesWithServices) {
    Optional<ServiceName> service = ServiceHosts.serviceName(host, Optional.empty());
    if (service.isEmpty()
        || !namespacesWithServices.contains(service.get().namespace())
        || ServiceHosts.declaredByServiceEntry(set.view(), host, service)) {
      return;
    }
    Optional<LoadedObject> found = ServiceHosts.service(set.view(), service.get());
    if (found.isEmpty()) {
      findings.add(
          set,
          map,
          path,
          map.describe()
              + " names host "
              + host
              + " but no Service "
              + service.get().namespace()
              + "/"
              + service.get().name()
              + " is deployed with it");
      return;
    }
    if (port.isEmpty()) {
      return;
    }
    Set<Integer> ports = new HashSet<>();
    for (Object entry : Fields.list(Fields.spec(found.get()).get("ports"))) {
      if (Fields.map(entry).get("port") instanceof Integer number) {
        ports.add(number);
      }
    }
    if (!ports.isEmpty() && !ports.contains(port.get())) {
      findings.add(
          set,
          map,
          portPath,
          map.describe()
              + " names port "
              + port.get()
              + " of Service "
              + service.get().namespace()
              + "/"
              + service.get().name()
              + ", which exposes "
              + ports.stream().sorted().map(String::valueOf).toList());
    }
  }

  private static Optional<Integer> number(Object value) {
    if (value instanceof Integer number) {
      return Optional.of(number);
    }
    if (value instanceof String text && text.strip().matches("[0-9]{1,5}")) {
      return Optional.of(Integer.parseInt(text.strip()));
    }
    return Optional.empty();
  }
}
