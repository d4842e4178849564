package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LabelSelector;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NetworkPolicies and AuthorizationPolicies agree on who may call whom, between the workloads of an
 * overlay: a caller that a workload-bound AuthorizationPolicy allows by principal must not be
 * blocked by a NetworkPolicy (ingress of the callee or egress of the caller), and a narrow
 * NetworkPolicy ingress allow (pod selector to pod selector) must not let in a caller that the
 * callee's AuthorizationPolicies refuse. Ports are not compared; a selector with matchExpressions
 * or an ipBlock peer keeps the pair silent.
 */
public final class IstioAuthorizationMatchesNetworkPolicy implements Rule {

  private static final String ROOT_NAMESPACE = "istio-system";
  private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/]+)/sa/([^/]+)");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-authz-matches-network-policy",
          "NetworkPolicies and AuthorizationPolicies allow the same callers",
          Severity.MEDIUM,
          Target.ISTIO,
          "The two layers are meant to say the same thing: a caller the AuthorizationPolicy allows but a"
              + " NetworkPolicy blocks times out (and the allow is dead or the network policy forgotten), and a"
              + " NetworkPolicy allow that no AuthorizationPolicy matches is an opening one layer deep, usually a"
              + " leftover of a removed call.",
          "Add the matching <callee>-from-<caller> NetworkPolicy (ingress of the callee, and egress of the caller"
              + " when its namespace denies egress) or AuthorizationPolicy, or remove the allow that is no longer"
              + " meant.",
          List.of(
              "https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns",
              "https://kubernetes.io/docs/concepts/services-networking/network-policies/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      new Overlay(set, findings).check();
    }
    return findings.list();
  }

  /** The two layers of one object set, indexed per workload. */
  private static final class Overlay {

    private final ObjectSet set;
    private final KubernetesView view;
    private final ReferenceFindings findings;
    private final Map<LoadedObject, List<LoadedObject>> ingressPolicies = new IdentityHashMap<>();
    private final Map<LoadedObject, List<LoadedObject>> egressPolicies = new IdentityHashMap<>();
    private final Map<LoadedObject, List<LoadedObject>> allowPolicies = new IdentityHashMap<>();
    private final java.util.Set<String> unknownNamespaces = new java.util.HashSet<>();

    Overlay(ObjectSet set, ReferenceFindings findings) {
      this.set = set;
      this.view = set.view();
      this.findings = findings;
      for (LoadedObject policy : view.ofKind("NetworkPolicy")) {
        indexNetworkPolicy(policy);
      }
      for (LoadedObject policy : view.ofKind("AuthorizationPolicy")) {
        indexAuthorizationPolicy(policy);
      }
    }

    private void indexNetworkPolicy(LoadedObject policy) {
      Map<?, ?> spec = Fields.spec(policy);
      Optional<LabelSelector> selector = LabelSelector.of(spec.get("podSelector"));
      if (policy.namespace().isEmpty()) {
        return;
      }
      if (selector.isEmpty()) {
        unknownNamespaces.add(policy.namespace().get());
        return;
      }
      List<?> types = Fields.list(spec.get("policyTypes"));
      boolean ingress = types.isEmpty() || types.contains("Ingress");
      boolean egress = types.isEmpty() ? spec.containsKey("egress") : types.contains("Egress");
      for (LoadedObject workload :
          view.workloadsSelectedBy(policy.namespace().get(), selector.get())) {
        if (ingress) {
          ingressPolicies.computeIfAbsent(workload, w -> new ArrayList<>()).add(policy);
        }
        if (egress) {
          egressPolicies.computeIfAbsent(workload, w -> new ArrayList<>()).add(policy);
        }
      }
    }

    private void indexAuthorizationPolicy(LoadedObject policy) {
      Map<?, ?> spec = Fields.spec(policy);
      if (policy.namespace().isEmpty()
          || !Fields.text(spec.get("action")).orElse("ALLOW").equals("ALLOW")
          || spec.containsKey("provider")
          || spec.containsKey("targetRef")
          || spec.containsKey("targetRefs")) {
        return;
      }
      String namespace = policy.namespace().get();
      Optional<LabelSelector> selector = LabelSelector.of(spec.get("selector"));
      if (selector.isEmpty()) {
        unknownNamespaces.add(namespace);
        return;
      }
      List<String> namespaces =
          namespace.equals(ROOT_NAMESPACE)
              ? List.copyOf(view.workloadNamespaces())
              : List.of(namespace);
      for (String target : namespaces) {
        for (LoadedObject workload : view.workloadsSelectedBy(target, selector.get())) {
          allowPolicies.computeIfAbsent(workload, w -> new ArrayList<>()).add(policy);
        }
      }
    }

    void check() {
      for (LoadedObject policy : view.ofKind("AuthorizationPolicy")) {
        checkAllowedCallers(policy);
      }
      for (LoadedObject policy : view.ofKind("NetworkPolicy")) {
        checkNetworkAllows(policy);
      }
    }

    /**
     * Each caller an AuthorizationPolicy bound to workloads names by principal reaches them on the
     * network.
     */
    private void checkAllowedCallers(LoadedObject policy) {
      Map<?, ?> spec = Fields.spec(policy);
      if (policy.namespace().isEmpty()
          || spec.get("selector") == null
          || !Fields.text(spec.get("action")).orElse("ALLOW").equals("ALLOW")) {
        return;
      }
      Optional<LabelSelector> selector = LabelSelector.of(spec.get("selector"));
      if (selector.isEmpty() || selector.get().isEmpty()) {
        return;
      }
      List<LoadedObject> callees =
          view.workloadsSelectedBy(policy.namespace().get(), selector.get());
      List<?> rules = Fields.list(spec.get("rules"));
      for (int rule = 0; rule < rules.size(); rule++) {
        List<?> sources = Fields.list(Fields.map(rules.get(rule)).get("from"));
        for (int from = 0; from < sources.size(); from++) {
          List<?> principals =
              Fields.list(
                  Fields.map(Fields.map(sources.get(from)).get("source")).get("principals"));
          for (int index = 0; index < principals.size(); index++) {
            Matcher matcher = PRINCIPAL.matcher(Fields.text(principals.get(index)).orElse(""));
            if (!matcher.matches()) {
              continue;
            }
            String path =
                "spec.rules[" + rule + "].from[" + from + "].source.principals[" + index + "]";
            for (LoadedObject caller :
                view.workloadsRunningAs(matcher.group(1), matcher.group(2))) {
              for (LoadedObject callee : callees) {
                networkBlock(caller, callee)
                    .ifPresent(
                        block ->
                            findings.add(
                                set,
                                policy,
                                path,
                                policy.describe()
                                    + " allows "
                                    + caller.describe()
                                    + " to call "
                                    + callee.describe()
                                    + " but "
                                    + block));
              }
            }
          }
        }
      }
    }

    /**
     * What on the network stops {@code caller} from reaching {@code callee}, if anything certainly
     * does.
     */
    private Optional<String> networkBlock(LoadedObject caller, LoadedObject callee) {
      if (unknownNamespaces.contains(namespace(caller))
          || unknownNamespaces.contains(namespace(callee))) {
        return Optional.empty();
      }
      List<LoadedObject> ingress = ingressPolicies.getOrDefault(callee, List.of());
      if (!ingress.isEmpty()
          && ingress.stream().noneMatch(policy -> admits(policy, "ingress", "from", caller))) {
        return Optional.of("no NetworkPolicy of " + namespace(callee) + " allows ingress from it");
      }
      List<LoadedObject> egress = egressPolicies.getOrDefault(caller, List.of());
      if (!egress.isEmpty()
          && egress.stream().noneMatch(policy -> admits(policy, "egress", "to", callee))) {
        return Optional.of("no NetworkPolicy of " + namespace(caller) + " allows its egress to it");
      }
      return Optional.empty();
    }

    /**
     * Whether a rule of the policy's {@code direction} lets {@code peer} through (unknown peers
     * do).
     */
    private boolean admits(LoadedObject policy, String direction, String peers, LoadedObject peer) {
      for (Object rule : Fields.list(Fields.spec(policy).get(direction))) {
        List<?> entries = Fields.list(Fields.map(rule).get(peers));
        if (entries.isEmpty()) {
          return true;
        }
        for (Object entry : entries) {
          if (peerMatches(namespace(policy), Fields.map(entry), peer).orElse(true)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * Whether a NetworkPolicy peer of a policy in {@code namespace} selects {@code workload};
     * empty: unknown.
     */
    private Optional<Boolean> peerMatches(String namespace, Map<?, ?> peer, LoadedObject workload) {
      if (peer.containsKey("ipBlock")) {
        return Optional.empty();
      }
      if (peer.containsKey("namespaceSelector")) {
        Optional<LabelSelector> namespaces = LabelSelector.of(peer.get("namespaceSelector"));
        if (namespaces.isEmpty()) {
          return Optional.empty();
        }
        if (!namespaces.get().matches(namespaceLabels(namespace(workload)))) {
          return Optional.of(false);
        }
      } else if (!namespace.equals(namespace(workload))) {
        return Optional.of(false);
      }
      if (!peer.containsKey("podSelector")) {
        return Optional.of(true);
      }
      return LabelSelector.of(peer.get("podSelector"))
          .map(pods -> pods.matches(KubernetesView.podLabels(workload)));
    }

    private Map<String, String> namespaceLabels(String namespace) {
      Map<String, String> labels = new java.util.HashMap<>();
      view.find("Namespace", Optional.empty(), namespace)
          .forEach(object -> labels.putAll(object.object().labels()));
      labels.put("kubernetes.io/metadata.name", namespace);
      return labels;
    }

    /**
     * Each narrow ingress allow (pod selector from pod selector) is also allowed by
     * AuthorizationPolicies.
     */
    private void checkNetworkAllows(LoadedObject policy) {
      Map<?, ?> spec = Fields.spec(policy);
      Optional<LabelSelector> selector = LabelSelector.of(spec.get("podSelector"));
      if (policy.namespace().isEmpty() || selector.isEmpty() || selector.get().isEmpty()) {
        return;
      }
      List<LoadedObject> callees =
          view.workloadsSelectedBy(policy.namespace().get(), selector.get());
      List<?> rules = Fields.list(spec.get("ingress"));
      for (int rule = 0; rule < rules.size(); rule++) {
        List<?> peers = Fields.list(Fields.map(rules.get(rule)).get("from"));
        for (int index = 0; index < peers.size(); index++) {
          Map<?, ?> peer = Fields.map(peers.get(index));
          Optional<LabelSelector> pods = LabelSelector.of(peer.get("podSelector"));
          if (peer.containsKey("ipBlock")
              || !peer.containsKey("podSelector")
              || pods.isEmpty()
              || pods.get().isEmpty()) {
            continue;
          }
          String path = "spec.ingress[" + rule + "].from[" + index + "]";
          for (String namespace : peerNamespaces(policy.namespace().get(), peer)) {
            for (LoadedObject caller : view.workloadsSelectedBy(namespace, pods.get())) {
              for (LoadedObject callee : callees) {
                if (caller != callee && refuses(callee, caller)) {
                  findings.add(
                      set,
                      policy,
                      path,
                      policy.describe()
                          + " lets "
                          + caller.describe()
                          + " reach "
                          + callee.describe()
                          + " but no AuthorizationPolicy allows its principal "
                          + principal(caller));
                }
              }
            }
          }
        }
      }
    }

    private List<String> peerNamespaces(String namespace, Map<?, ?> peer) {
      if (!peer.containsKey("namespaceSelector")) {
        return List.of(namespace);
      }
      Optional<LabelSelector> labels = LabelSelector.of(peer.get("namespaceSelector"));
      if (labels.isEmpty()) {
        return List.of();
      }
      return view.workloadNamespaces().stream()
          .filter(candidate -> labels.get().matches(namespaceLabels(candidate)))
          .toList();
    }

    /**
     * Whether the callee's ALLOW policies certainly refuse the caller (none applying: all are
     * allowed).
     */
    private boolean refuses(LoadedObject callee, LoadedObject caller) {
      if (unknownNamespaces.contains(namespace(callee))) {
        return false;
      }
      List<LoadedObject> policies = allowPolicies.getOrDefault(callee, List.of());
      if (policies.isEmpty()) {
        return false;
      }
      for (LoadedObject policy : policies) {
        for (Object rule : Fields.list(Fields.spec(policy).get("rules"))) {
          List<?> sources = Fields.list(Fields.map(rule).get("from"));
          if (sources.isEmpty()) {
            return false;
          }
          for (Object from : sources) {
            if (sourceMatches(Fields.map(Fields.map(from).get("source")), caller)) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /**
     * Whether a source admits the caller; sources with fields other than principals and namespaces
     * do.
     */
    private boolean sourceMatches(Map<?, ?> source, LoadedObject caller) {
      for (Object key : source.keySet()) {
        if (!key.equals("principals") && !key.equals("namespaces")) {
          return true;
        }
      }
      boolean principal =
          !source.containsKey("principals")
              || Fields.list(source.get("principals")).stream()
                  .anyMatch(value -> matches(String.valueOf(value), principal(caller)));
      boolean namespace =
          !source.containsKey("namespaces")
              || Fields.list(source.get("namespaces")).stream()
                  .anyMatch(value -> matches(String.valueOf(value), namespace(caller)));
      return principal && namespace;
    }

    /** Istio's string match: exact, {@code *}, {@code prefix*} or {@code *suffix}. */
    private static boolean matches(String pattern, String value) {
      if (pattern.equals("*")) {
        return true;
      }
      if (pattern.endsWith("*")) {
        return value.startsWith(pattern.substring(0, pattern.length() - 1));
      }
      if (pattern.startsWith("*")) {
        return value.endsWith(pattern.substring(1));
      }
      return pattern.equals(value);
    }

    private static String principal(LoadedObject workload) {
      Map<?, ?> pod = KubernetesView.podSpec(workload);
      String account = Fields.text(pod.get("serviceAccountName")).orElse("default");
      return "cluster.local/ns/" + namespace(workload) + "/sa/" + account;
    }

    private static String namespace(LoadedObject object) {
      return object.namespace().orElse("");
    }
  }
}
