package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over the rendered local overlay, the service-to-service policies are exactly the call graph of
 * the README: every edge has an ALLOW AuthorizationPolicy and NetworkPolicy allows (callee ingress,
 * caller egress), and no other edge has one.
 */
class CallGraphPoliciesTest {

  private static final String NS = "alphintra";
  private static final String INGRESS = "ingress";
  private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/]+)/sa/(.+)");
  private static Set<String> callGraph;
  private static List<Object> objects;

  @BeforeAll
  static void load() throws Exception {
    String readme = Files.readString(InfraTree.kubernetesDir().resolve("README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- call-graph:start -->"), readme.indexOf("<!-- call-graph:end -->"));
    callGraph = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\|\\s*([a-z][a-z-]*)\\s*\\|\\s*([a-z][a-z-]*)\\s*\\|\\s*$")
            .matcher(table);
    while (row.find()) {
      if (!row.group(1).equals("caller")) {
        callGraph.add(row.group(1) + " -> " + row.group(2));
      }
    }
    assumeTrue(
        InfraTree.hasKubectl(), "kubectl is not on the PATH: cannot render the local overlay");
    InfraTree.Rendered rendered = InfraTree.render("local");
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();
    objects = InfraTree.documents(rendered.yaml());
  }

  @Test
  void readmeHasTheCallGraph() {
    assertThat(callGraph)
        .hasSize(10)
        .contains("ingress -> api-gateway", "trading-engine -> risk-service");
  }

  @Test
  void authorizationPoliciesAllowExactlyTheCallGraph() {
    Set<String> allowed = new TreeSet<>();
    for (Object ap : of("AuthorizationPolicy")) {
      if (!InfraTree.at(ap, "spec", "action").orElse("ALLOW").equals("ALLOW")) {
        continue;
      }
      String callee =
          InfraTree.at(ap, "spec", "selector", "matchLabels", "app.kubernetes.io/name")
              .orElse("")
              .toString();
      for (Object rule : InfraTree.list(InfraTree.at(ap, "spec", "rules").orElse(List.of()))) {
        for (Object from : InfraTree.list(InfraTree.at(rule, "from").orElse(List.of()))) {
          for (Object p :
              InfraTree.list(InfraTree.at(from, "source", "principals").orElse(List.of()))) {
            Matcher m = PRINCIPAL.matcher(p.toString());
            if (m.matches() && m.group(1).equals("istio-ingress")) {
              allowed.add(INGRESS + " -> " + callee);
            } else if (m.matches() && m.group(1).equals(NS)) {
              allowed.add(m.group(2) + " -> " + callee);
            }
          }
        }
      }
    }
    assertThat(allowed)
        .as("caller -> callee pairs allowed by AuthorizationPolicies in namespace alphintra")
        .containsExactlyInAnyOrderElementsOf(callGraph);
  }

  @Test
  void networkPoliciesAllowExactlyTheCallGraph() {
    Set<String> ingressAllowed = new TreeSet<>();
    Set<String> egressAllowed = new TreeSet<>();
    for (Object np : of("NetworkPolicy")) {
      String selected =
          InfraTree.at(np, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")
              .orElse("")
              .toString();
      if (selected.isEmpty()) {
        continue;
      }
      for (Object rule : InfraTree.list(InfraTree.at(np, "spec", "ingress").orElse(List.of()))) {
        for (Object peer : InfraTree.list(InfraTree.at(rule, "from").orElse(List.of()))) {
          String peerNs =
              InfraTree.at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                  .orElse(NS)
                  .toString();
          if (peerNs.equals("istio-ingress")) {
            ingressAllowed.add(INGRESS + " -> " + selected);
          } else if (peerNs.equals(NS)) {
            names(peer).forEach(caller -> ingressAllowed.add(caller + " -> " + selected));
          }
        }
      }
      for (Object rule : InfraTree.list(InfraTree.at(np, "spec", "egress").orElse(List.of()))) {
        for (Object peer : InfraTree.list(InfraTree.at(rule, "to").orElse(List.of()))) {
          if (InfraTree.at(peer, "namespaceSelector").isEmpty()
              && InfraTree.at(peer, "ipBlock").isEmpty()) {
            names(peer).forEach(callee -> egressAllowed.add(selected + " -> " + callee));
          }
        }
      }
    }
    Set<String> serviceEdges = new TreeSet<>(callGraph);
    serviceEdges.removeIf(e -> e.startsWith(INGRESS + " "));
    assertThat(ingressAllowed)
        .as("ingress allows in namespace alphintra")
        .containsExactlyInAnyOrderElementsOf(callGraph);
    assertThat(egressAllowed)
        .as("egress allows in namespace alphintra")
        .containsExactlyInAnyOrderElementsOf(serviceEdges);
  }

  private static List<Object> of(String kind) {
    return objects.stream()
        .filter(o -> kind.equals(InfraTree.at(o, "kind").orElse(null)))
        .filter(o -> NS.equals(InfraTree.at(o, "metadata", "namespace").orElse(null)))
        .toList();
  }

  /**
   * The app.kubernetes.io/name values a peer's pod selector names (matchLabels or an In
   * expression).
   */
  private static List<String> names(Object peer) {
    Object label =
        InfraTree.at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name").orElse(null);
    if (label != null) {
      return List.of(label.toString());
    }
    return InfraTree.list(InfraTree.at(peer, "podSelector", "matchExpressions").orElse(List.of()))
        .stream()
        .map(InfraTree::map)
        .filter(
            e -> "app.kubernetes.io/name".equals(e.get("key")) && "In".equals(e.get("operator")))
        .flatMap(e -> InfraTree.list(e.get("values")).stream().map(Object::toString))
        .toList();
  }
}
