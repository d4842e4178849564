package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import java.util.List;
import java.util.Optional;

/**
 * How Istio reads a host of a VirtualService or DestinationRule: a short name in the object's
 * namespace, {@code svc.ns}, {@code svc.ns.svc} or {@code svc.ns.svc.cluster.local} for a Service,
 * or any name a ServiceEntry declares.
 */
public final class ServiceHosts {

  private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

  /**
   * A Service a host names.
   *
   * @param namespace the Service's namespace
   * @param name the Service's name
   */
  public record ServiceName(String namespace, String name) {

    public String fqdn() {
      return name + "." + namespace + CLUSTER_SUFFIX;
    }
  }

  private ServiceHosts() {}

  /** Whether the host is a pattern ({@code *.example.com}) the rules do not resolve. */
  public static boolean isWildcard(String host) {
    return host.contains("*");
  }

  /**
   * The Service a host names; empty when the host is not a cluster name or the namespace a short
   * name needs is unknown.
   */
  public static Optional<ServiceName> serviceName(String host, Optional<String> namespace) {
    String name = host;
    if (name.endsWith(CLUSTER_SUFFIX)) {
      name = name.substring(0, name.length() - CLUSTER_SUFFIX.length());
    } else if (name.endsWith(".svc")) {
      name = name.substring(0, name.length() - ".svc".length());
    }
    String[] parts = name.split("\\.", -1);
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return namespace.map(ns -> new ServiceName(ns, parts[0]));
    }
    if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
      return Optional.of(new ServiceName(parts[1], parts[0]));
    }
    return Optional.empty();
  }

  /** The Service object of a host, when the view has it. */
  public static Optional<LoadedObject> service(KubernetesView view, ServiceName name) {
    List<LoadedObject> found = view.find("Service", Optional.of(name.namespace()), name.name());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Whether a ServiceEntry declares the host, itself or by a wildcard ({@code *.example.com}). */
  public static boolean declaredByServiceEntry(
      KubernetesView view, String host, Optional<ServiceName> service) {
    if (!view.serviceEntriesFor(host).isEmpty()
        || service.isPresent() && !view.serviceEntriesFor(service.get().fqdn()).isEmpty()) {
      return true;
    }
    String rest = host;
    for (int dot = rest.indexOf('.'); dot >= 0; dot = rest.indexOf('.')) {
      rest = rest.substring(dot + 1);
      if (!view.serviceEntriesFor("*." + rest).isEmpty()) {
        return true;
      }
    }
    return !view.serviceEntriesFor("*").isEmpty();
  }

  /**
   * The host as Istio compares it: the Service's cluster FQDN for a Service name, else as written.
   */
  public static String key(String host, Optional<String> namespace) {
    return serviceName(host, namespace).map(ServiceName::fqdn).orElse(host);
  }

  /**
   * How a message names what a host needs: {@code Service alphintra/api} or {@code a ServiceEntry}.
   */
  public static String expected(Optional<ServiceName> service) {
    return service
        .map(name -> "Service " + name.namespace() + "/" + name.name() + " or ServiceEntry")
        .orElse("ServiceEntry");
  }
}
