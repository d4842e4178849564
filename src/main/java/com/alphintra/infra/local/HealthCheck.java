package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Looks at a running environment: nodes, system pods, the Istio version, the effective mTLS mode of
 * each of our namespaces, add-ons and platform workloads, sidecar injection, and the ingress
 * gateway through its published port. Shared by {@code status} and the verification step of {@code
 * up}.
 */
public final class HealthCheck {

  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String INGRESS_HOST = "api.alphintra.localhost";
  static final String OBSERVABILITY = "observability";
  private static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "istio-system");

  private final Optional<IngressProber> prober;
  private final int ingressPort;

  /**
   * @param prober how to reach the ingress gateway on 127.0.0.1; empty where the gateway is
   *     published by a cloud load balancer instead, and the ingress is not part of the report
   * @param ingressPort the host port the k3d config publishes the gateway's 443 on
   */
  public HealthCheck(Optional<IngressProber> prober, int ingressPort) {
    this.prober = prober;
    this.ingressPort = ingressPort;
  }

  /** Whether the report includes the ingress gateway answering on 127.0.0.1. */
  public boolean probesIngress() {
    return prober.isPresent();
  }

  /** Where the gateway is probed, such as {@code 127.0.0.1:443}. */
  public String ingressAddress() {
    return "127.0.0.1:" + ingressPort;
  }

  public HealthReport examine(Cluster cluster, String context) {
    List<HealthItem> items = new ArrayList<>();
    for (Node node : sorted(cluster.list(Node.class, null))) {
      items.add(
          new HealthItem(
              "node",
              node.getMetadata().getName(),
              Readiness.isReady(node),
              Readiness.isReady(node) ? "Ready" : "not Ready"));
    }
    if (items.isEmpty()) {
      items.add(new HealthItem("node", "-", false, "the cluster has no nodes"));
    }
    for (String namespace : SYSTEM_NAMESPACES) {
      for (Pod pod : sorted(cluster.list(Pod.class, namespace))) {
        boolean ready = Readiness.isReady(pod);
        items.add(
            new HealthItem(
                "system pod",
                namespace + "/" + pod.getMetadata().getName(),
                ready,
                pod.getStatus() == null || pod.getStatus().getPhase() == null
                    ? "no status"
                    : pod.getStatus().getPhase() + (ready ? "" : ", not ready")));
      }
    }
    List<Namespace> ours =
        cluster.list(Namespace.class, null).stream()
            .filter(namespace -> "alphintra".equals(label(namespace, PART_OF)))
            .sorted(Comparator.comparing(namespace -> namespace.getMetadata().getName()))
            .toList();
    if (ours.isEmpty()) {
      items.add(
          new HealthItem(
              "namespace", "-", false, "no namespace labelled " + PART_OF + "=alphintra"));
    }
    items.addAll(mtls(cluster, ours));
    for (Namespace namespace : ours) {
      String name = namespace.getMetadata().getName();
      String group = OBSERVABILITY.equals(name) ? "addon" : "workload";
      for (HasMetadata workload : workloads(cluster, name)) {
        int[] replicas = Readiness.replicas(workload);
        items.add(
            new HealthItem(
                group,
                name + "/" + workload.getKind() + "/" + workload.getMetadata().getName(),
                replicas[0] >= replicas[1],
                replicas[0] + "/" + replicas[1] + " available"));
      }
      if ("enabled".equals(label(namespace, "istio-injection"))) {
        items.addAll(sidecars(cluster, name));
      }
    }
    prober.ifPresent(
        ingress -> {
          ProbeResult probe = ingress.probe(INGRESS_HOST, ingressPort);
          items.add(
              new HealthItem(
                  "ingress",
                  INGRESS_HOST + " via " + ingressAddress(),
                  probe.answered(),
                  probe.detail()));
        });
    return new HealthReport(context, istioVersion(cluster), items);
  }

  private static List<HealthItem> mtls(Cluster cluster, List<Namespace> ours) {
    List<GenericKubernetesResource> policies =
        cluster.listCustom("security.istio.io/v1", "PeerAuthentication", null);
    Optional<String> mesh = namespaceWide(policies, "istio-system");
    List<HealthItem> items = new ArrayList<>();
    items.add(
        new HealthItem(
            "mtls",
            "mesh (istio-system)",
            mesh.filter("STRICT"::equals).isPresent(),
            mesh.orElse("no mesh-wide PeerAuthentication (Istio's default is PERMISSIVE)")));
    for (Namespace namespace : ours) {
      String name = namespace.getMetadata().getName();
      if (name.equals("istio-system")) {
        continue;
      }
      Optional<String> own = namespaceWide(policies, name);
      String effective = own.or(() -> mesh).orElse("PERMISSIVE");
      items.add(
          new HealthItem(
              "mtls",
              name,
              "STRICT".equals(effective),
              own.isPresent() ? effective + " (namespace policy)" : effective + " (mesh-wide)"));
    }
    return items;
  }

  /** The mode of the namespace's PeerAuthentication without a selector, when there is one. */
  private static Optional<String> namespaceWide(
      List<GenericKubernetesResource> policies, String namespace) {
    for (GenericKubernetesResource policy : policies) {
      Map<String, Object> spec = policy.get("spec") instanceof Map<?, ?> map ? cast(map) : Map.of();
      if (namespace.equals(policy.getMetadata().getNamespace()) && spec.get("selector") == null) {
        Object mtls = spec.get("mtls");
        Object mode = mtls instanceof Map<?, ?> settings ? settings.get("mode") : null;
        return Optional.of(mode == null ? "UNSET" : mode.toString());
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static List<HasMetadata> workloads(Cluster cluster, String namespace) {
    return Stream.of(
            cluster.list(Deployment.class, namespace),
            cluster.list(StatefulSet.class, namespace),
            cluster.list(DaemonSet.class, namespace))
        .flatMap(List::stream)
        .map(HasMetadata.class::cast)
        .sorted(
            Comparator.comparing((HasMetadata workload) -> workload.getKind())
                .thenComparing(workload -> workload.getMetadata().getName()))
        .toList();
  }

  private static List<HealthItem> sidecars(Cluster cluster, String namespace) {
    List<HealthItem> items = new ArrayList<>();
    int injected = 0;
    for (Pod pod : sorted(cluster.list(Pod.class, namespace))) {
      if (pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase())) {
        continue;
      }
      if (hasProxy(pod)) {
        injected++;
      } else {
        items.add(
            new HealthItem(
                "sidecar",
                namespace + "/" + pod.getMetadata().getName(),
                false,
                "no istio-proxy container although the namespace has istio-injection=enabled"));
      }
    }
    if (items.isEmpty()) {
      items.add(new HealthItem("sidecar", namespace, true, injected + " pods with istio-proxy"));
    }
    return items;
  }

  /** The proxy is a container, or with native sidecars an init container that keeps running. */
  private static boolean hasProxy(Pod pod) {
    if (pod.getSpec() == null) {
      return false;
    }
    Stream<Container> containers =
        Stream.concat(
            pod.getSpec().getContainers() == null
                ? Stream.empty()
                : pod.getSpec().getContainers().stream(),
            pod.getSpec().getInitContainers() == null
                ? Stream.empty()
                : pod.getSpec().getInitContainers().stream());
    return containers.anyMatch(container -> "istio-proxy".equals(container.getName()));
  }

  private static Optional<String> istioVersion(Cluster cluster) {
    return cluster
        .get(Deployment.class, "istio-system", "istiod")
        .flatMap(
            deployment ->
                deployment.getSpec().getTemplate().getSpec().getContainers().stream().findFirst())
        .map(Container::getImage)
        .filter(image -> image.contains(":"))
        .map(image -> image.substring(image.lastIndexOf(':') + 1));
  }

  private static String label(HasMetadata object, String key) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
    return objects.stream()
        .sorted(Comparator.comparing(object -> object.getMetadata().getName()))
        .toList();
  }
}
