package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.IstioGatewayValues;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every caller an AuthorizationPolicy names exists in the same overlay: each {@code principals}
 * entry ({@code cluster.local/ns/<namespace>/sa/<name>}) is a ServiceAccount (the one the Istio
 * Helm values give the ingress gateway counts), each {@code namespaces} entry a Namespace. Patterns
 * with {@code *} and other trust domains are not resolved.
 */
public final class IstioAuthorizationSourcesExist implements Rule {

  private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/]+)/sa/([^/]+)");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-authz-source-exists",
          "AuthorizationPolicy principals and namespaces name ServiceAccounts and Namespaces that exist",
          Severity.HIGH,
          Target.ISTIO,
          "A principal is the SPIFFE identity of a ServiceAccount: one that names a missing account (a typo, a"
              + " renamed service) matches no caller, so the call it was written to allow is denied, or a later"
              + " account of that name is silently allowed.",
          "Name an existing ServiceAccount as cluster.local/ns/<namespace>/sa/<name> and an existing Namespace in"
              + " namespaces.",
          List.of(
              "kube-linter non-existent-service-account",
              "istioctl analyze IST0101 ReferencedResourceNotFound",
              "https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject policy : set.view().ofKind("AuthorizationPolicy")) {
        List<?> rules = Fields.list(Fields.spec(policy).get("rules"));
        for (int rule = 0; rule < rules.size(); rule++) {
          List<?> sources = Fields.list(Fields.map(rules.get(rule)).get("from"));
          for (int from = 0; from < sources.size(); from++) {
            Map<?, ?> source = Fields.map(Fields.map(sources.get(from)).get("source"));
            String path = "spec.rules[" + rule + "].from[" + from + "].source.";
            checkPrincipals(
                set, policy, Fields.list(source.get("principals")), path + "principals", findings);
            checkNamespaces(
                set, policy, Fields.list(source.get("namespaces")), path + "namespaces", findings);
          }
        }
      }
    }
    return findings.list();
  }

  private static void checkPrincipals(
      ObjectSet set,
      LoadedObject policy,
      List<?> principals,
      String path,
      ReferenceFindings findings) {
    for (int index = 0; index < principals.size(); index++) {
      Optional<String> principal = Fields.text(principals.get(index));
      if (principal.isEmpty() || principal.get().contains("*")) {
        continue;
      }
      Matcher matcher = PRINCIPAL.matcher(principal.get());
      if (!matcher.matches()) {
        continue;
      }
      String namespace = matcher.group(1);
      String account = matcher.group(2);
      if (!serviceAccountExists(set, namespace, account)) {
        findings.add(
            set,
            policy,
            path + "[" + index + "]",
            policy.describe()
                + " allows principal "
                + principal.get()
                + " but ServiceAccount "
                + namespace
                + "/"
                + account
                + " does not exist");
      }
    }
  }

  private static boolean serviceAccountExists(ObjectSet set, String namespace, String account) {
    if (set.view().has("ServiceAccount", Optional.of(namespace), account)) {
      return true;
    }
    if (account.equals("default") && set.view().has("Namespace", Optional.empty(), namespace)) {
      return true;
    }
    for (IstioGatewayValues gateway : set.view().istioGatewayValues()) {
      if (gateway.serviceAccount().filter(account::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static void checkNamespaces(
      ObjectSet set,
      LoadedObject policy,
      List<?> namespaces,
      String path,
      ReferenceFindings findings) {
    for (int index = 0; index < namespaces.size(); index++) {
      Optional<String> namespace = Fields.text(namespaces.get(index));
      if (namespace.isPresent()
          && !namespace.get().contains("*")
          && !set.view().has("Namespace", Optional.empty(), namespace.get())) {
        findings.add(
            set,
            policy,
            path + "[" + index + "]",
            policy.describe() + " allows namespace " + namespace.get() + ", which does not exist");
      }
    }
  }
}
