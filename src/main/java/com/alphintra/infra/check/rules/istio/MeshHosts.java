package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Which hosts are services of the mesh: Kubernetes service names ({@code x}, {@code x.ns}, {@code
 * x.ns.svc}, {@code x.ns.svc.cluster.local}), not the external hosts ServiceEntries declare (Cloud
 * SQL, Memorystore).
 */
final class MeshHosts {

  private final Set<String> namespaces = new HashSet<>();
  private final Set<String> external = new HashSet<>();

  MeshHosts(KubernetesView view) {
    for (LoadedObject object : view.objects()) {
      object.namespace().ifPresent(namespaces::add);
      if (object.kind().equals("Namespace")) {
        namespaces.add(object.name());
      }
    }
    for (LoadedObject entry : view.ofKind("ServiceEntry")) {
      for (Object host : Raw.list(Raw.spec(entry), "hosts")) {
        if (host instanceof String name) {
          external.add(name);
        }
      }
    }
  }

  /**
   * Whether {@code host} names a Kubernetes service of the cluster rather than an external
   * endpoint.
   */
  boolean isInMesh(String host) {
    if (external.contains(host)) {
      return false;
    }
    if (host.endsWith(".svc.cluster.local") || host.endsWith(".svc") || !host.contains(".")) {
      return true;
    }
    String[] labels = host.split("\\.");
    return labels.length == 2 && namespaces.contains(labels[1]);
  }
}
