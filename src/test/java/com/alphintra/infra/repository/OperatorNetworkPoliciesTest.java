package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The External Secrets and cert-manager namespaces start from default deny, and their pods get
 * exactly: DNS, the Kubernetes API at the control plane's range, the webhooks from that range, the
 * metadata server and Google APIs for the ESO controller, and for the cert-manager controller the
 * metadata server plus ACME and name servers on the public internet only.
 */
class OperatorNetworkPoliciesTest {

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(InfraTree.hasKubectl(), "kubectl is not on the PATH: cannot render the overlays");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theOperatorsNamespacesAllowExactlyWhatTheyNeed(String environment) {
    InfraTree.Rendered rendered = InfraTree.render(environment);
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();
    String controlPlane =
        Map.of("dev", "10.10", "staging", "10.20", "prod", "10.30").get(environment) + ".48.0/28";

    Map<String, String> policies = new TreeMap<>();
    for (Object document : InfraTree.documents(rendered.yaml())) {
      String namespace = String.valueOf(InfraTree.at(document, "metadata", "namespace").orElse(""));
      if ("NetworkPolicy".equals(InfraTree.map(document).get("kind"))
          && List.of("external-secrets", "cert-manager").contains(namespace)) {
        policies.put(
            namespace + "/" + InfraTree.at(document, "metadata", "name").orElseThrow(),
            describe(InfraTree.map(InfraTree.map(document).get("spec"))));
      }
    }

    String dns = "egress to kube-system/kube-dns UDP/53 TCP/53";
    String api = "egress to " + controlPlane + " TCP/443";
    String webhook = "ingress from " + controlPlane + " TCP/10250";
    String metadata = "egress to 169.254.169.254/32 TCP/80; egress to 169.254.169.252/32 TCP/988";
    assertThat(policies)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "external-secrets/default-deny", "{} [Ingress, Egress]",
                "external-secrets/allow-dns", "{} [Egress] " + dns,
                "external-secrets/to-api-server", "{} [Egress] " + api,
                "external-secrets/webhook-from-api-server",
                    "{app.kubernetes.io/name=external-secrets-webhook} [Ingress] " + webhook,
                "external-secrets/controller-to-google",
                    "{app.kubernetes.io/name=external-secrets} [Egress] "
                        + metadata
                        + "; egress to 199.36.153.8/30 TCP/443",
                "cert-manager/default-deny", "{} [Ingress, Egress]",
                "cert-manager/allow-dns", "{} [Egress] " + dns,
                "cert-manager/to-api-server", "{} [Egress] " + api,
                "cert-manager/webhook-from-api-server",
                    "{app.kubernetes.io/instance=cert-manager, app.kubernetes.io/name=webhook}"
                        + " [Ingress] "
                        + webhook,
                "cert-manager/controller-egress",
                    "{app.kubernetes.io/component=controller, app.kubernetes.io/name=cert-manager}"
                        + " [Egress] "
                        + metadata
                        + "; egress to 0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12,"
                        + " 192.168.0.0/16, 169.254.0.0/16, 100.64.0.0/10] TCP/443"));
  }

  /** "{selector} [types] rule; rule" with each rule as "direction peers ports". */
  private static String describe(Map<String, Object> spec) {
    StringBuilder text =
        new StringBuilder(
            new TreeMap<>(InfraTree.map(InfraTree.map(spec.get("podSelector")).get("matchLabels")))
                    .toString()
                + " "
                + spec.get("policyTypes"));
    List<String> rules = new ArrayList<>();
    for (String direction : List.of("ingress", "egress")) {
      for (Object rule : InfraTree.list(spec.get(direction))) {
        List<String> peers = new ArrayList<>();
        for (Object peer :
            InfraTree.list(InfraTree.map(rule).get(direction.equals("ingress") ? "from" : "to"))) {
          Map<String, Object> block = InfraTree.map(InfraTree.map(peer).get("ipBlock"));
          if (!block.isEmpty()) {
            peers.add(
                block.get("cidr")
                    + (block.containsKey("except") ? " except " + block.get("except") : ""));
          } else {
            peers.add(
                InfraTree.at(
                            peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                        .orElse("?")
                    + "/"
                    + InfraTree.at(peer, "podSelector", "matchLabels", "k8s-app").orElse("?"));
          }
        }
        List<String> ports = new ArrayList<>();
        for (Object port : InfraTree.list(InfraTree.map(rule).get("ports"))) {
          ports.add(InfraTree.map(port).get("protocol") + "/" + InfraTree.map(port).get("port"));
        }
        rules.add(
            direction
                + " "
                + (direction.equals("ingress") ? "from " : "to ")
                + String.join(", ", peers)
                + " "
                + String.join(" ", ports));
      }
    }
    if (!rules.isEmpty()) {
      text.append(' ').append(String.join("; ", rules));
    }
    return text.toString();
  }
}
