package com.alphintra.infra.repository;

import com.alphintra.infra.check.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Findings of our Kubernetes rules on objects the upstream charts render that we accept, each with
 * the reason. Everything else the rules find on a rendered chart fails {@link
 * HelmReleasesRenderTest}: fix it through the values when the chart lets us.
 */
final class RenderedFindings {

  /**
   * One accepted finding: the rule, the start of the object it names ({@code DaemonSet
   * istio-system/istio-cni-node} covers its containers too) and why.
   */
  record Accepted(String rule, String object, String reason) {

    boolean covers(Finding finding) {
      return finding.rule().equals(rule) && finding.object().startsWith(object);
    }
  }

  private static final String CNI = "DaemonSet istio-system/istio-cni-node";
  private static final String CNI_REASON =
      "the Istio CNI node agent installs the CNI plugin and rewrites pod networking on the host: it"
          + " needs a privileged root container, host paths and API access by design";
  private static final String PROXY_INJECTED =
      "the gateway's istio-proxy container is a placeholder (image \"auto\") that istiod's injection"
          + " webhook fills with the pinned proxy image, its ports and its probes";
  private static final String API_CLIENT =
      "a controller that reads or watches the Kubernetes API needs its service account token";
  private static final String OVERLAY_POLICIES =
      "the namespace's default-deny NetworkPolicies are ours, in the overlay (base/network-policies),"
          + " not in the chart";
  private static final String UPSTREAM_RBAC =
      "upstream control-plane RBAC, reviewed with the chart version: the wildcard is on resources of"
          + " the project's own API groups or on verbs of its CRDs";
  private static final String OPERATOR_WORKLOAD =
      "the Service selects the StatefulSet that the Prometheus operator creates from the Prometheus or"
          + " Alertmanager object, which no chart renders";

  private static final String JAEGER_LEGACY_PORTS =
      "jaeger 4.x keeps the Jaeger v1 agent and collector ports (UDP Thrift, sampling REST, TChannel)"
          + " on headless Services for old clients; the chart names them and sets targetPort 0 (the"
          + " API defaults it to the port), no value changes either, and our services send OTLP to"
          + " the collector's named otlp ports instead";

  static final List<Accepted> ACCEPTED =
      List.of(
          new Accepted("k8s-drop-all-capabilities", CNI, CNI_REASON),
          new Accepted("k8s-no-host-path", CNI, CNI_REASON),
          new Accepted("k8s-no-privilege-escalation", CNI, CNI_REASON),
          new Accepted("k8s-read-only-root-fs", CNI, CNI_REASON),
          new Accepted("k8s-run-as-non-root", CNI, CNI_REASON),
          new Accepted("k8s-service-account-token-off", CNI, CNI_REASON),
          new Accepted(
              "k8s-probes-set",
              CNI,
              "the chart gives the node agent a readiness probe only; it restarts itself on failure"),
          new Accepted(
              "k8s-image-pinned", "Deployment istio-ingress/istio-ingress", PROXY_INJECTED),
          new Accepted("k8s-probes-set", "Deployment istio-ingress/istio-ingress", PROXY_INJECTED),
          new Accepted(
              "k8s-service-target-port-exists",
              "Service istio-ingress/istio-ingress",
              PROXY_INJECTED),
          new Accepted(
              "k8s-service-port-named",
              "Service istio-ingress/istio-ingress",
              "status-port (15021) is the health port every Istio gateway names so; the load"
                  + " balancer probes it, no mesh traffic uses it"),
          new Accepted(
              "k8s-service-account-token-off",
              "Deployment istio-ingress/istio-ingress",
              "the gateway's proxy authenticates to istiod with its service account token to get its"
                  + " certificates"),
          new Accepted("k8s-namespace-default-deny", "Namespace istio-ingress", OVERLAY_POLICIES),
          new Accepted("k8s-namespace-default-deny", "Namespace istio-system", OVERLAY_POLICIES),
          new Accepted("k8s-namespace-default-deny", "Namespace observability", OVERLAY_POLICIES),
          new Accepted(
              "k8s-probes-set",
              "Deployment istio-system/istiod",
              "istiod has a readiness probe only, as upstream ships it; Kubernetes restarts it when"
                  + " it exits"),
          new Accepted("k8s-rbac-no-wildcards", "ClusterRole istio", UPSTREAM_RBAC),
          new Accepted(
              "k8s-rbac-no-wildcards", "ClusterRole kube-prometheus-stack-operator", UPSTREAM_RBAC),
          new Accepted(
              "k8s-rbac-no-wildcards",
              "Role ",
              "kiali-server's per-namespace viewer Role (name kiali-viewer) reads every resource of"
                  + " the Istio API groups, read-only verbs"),
          new Accepted(
              "k8s-service-account-token-off", "Deployment istio-system/istiod", API_CLIENT),
          new Accepted(
              "k8s-service-account-token-off", "Deployment observability/kiali", API_CLIENT),
          new Accepted(
              "k8s-service-account-token-off",
              "Deployment observability/kube-prometheus-stack-grafana",
              API_CLIENT + " (the dashboard and data source sidecars watch ConfigMaps)"),
          new Accepted(
              "k8s-service-account-token-off",
              "Deployment observability/kube-prometheus-stack-kube-state-metrics",
              API_CLIENT),
          new Accepted(
              "k8s-service-account-token-off",
              "Deployment observability/kube-prometheus-stack-operator",
              API_CLIENT),
          new Accepted(
              "k8s-service-port-named",
              "Service jaeger-",
              "Jaeger's legacy agent and collector ports (Thrift, TChannel), which the chart always"
                  + " declares; the sidecars send OTLP to 4317 (grpc-otlp), which is named"),
          new Accepted(
              "k8s-probes-set",
              "Deployment observability/kube-prometheus-stack-grafana",
              "the chart gives Grafana's dashboard and data source sidecars no probes; Grafana's own"
                  + " container has both"),
          new Accepted(
              "k8s-secret-placeholders-only",
              "Secret observability/alertmanager-kube-prometheus-stack-alertmanager",
              "the chart's Alertmanager routing configuration, which holds no credential"),
          new Accepted(
              "k8s-service-targets-workload",
              "Service observability/kube-prometheus-stack-prometheus",
              OPERATOR_WORKLOAD),
          new Accepted(
              "k8s-service-targets-workload",
              "Service observability/kube-prometheus-stack-alertmanager",
              OPERATOR_WORKLOAD),
          new Accepted(
              "k8s-service-targets-workload",
              "Service kube-system/kube-prometheus-stack-coredns",
              "selects the cluster's CoreDNS pods (k8s-app: kube-dns), which k3s and GKE run"),
          new Accepted(
              "k8s-workload-refs-exist",
              "Deployment observability/kube-prometheus-stack-grafana",
              "Secret grafana-admin comes from our secret templates (base/secrets) locally and from"
                  + " Secret Manager on GKE"),
          new Accepted(
              "k8s-service-port-named", "Service observability/jaeger-agent", JAEGER_LEGACY_PORTS),
          new Accepted(
              "k8s-service-port-named",
              "Service observability/jaeger-collector",
              JAEGER_LEGACY_PORTS),
          new Accepted(
              "k8s-service-target-port-exists",
              "Service observability/jaeger-agent",
              JAEGER_LEGACY_PORTS),
          new Accepted(
              "k8s-service-target-port-exists",
              "Service observability/jaeger-collector",
              JAEGER_LEGACY_PORTS),
          new Accepted(
              "k8s-workload-refs-exist",
              "Deployment observability/kube-prometheus-stack-operator",
              "Secret kube-prometheus-stack-admission is made by the chart's admission-webhook Job"
                  + " (a Helm hook) at install time"));

  private RenderedFindings() {}

  static Optional<Accepted> acceptance(Finding finding) {
    return ACCEPTED.stream().filter(accepted -> accepted.covers(finding)).findFirst();
  }
}
