package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No ALLOW AuthorizationPolicy holds an empty rule ({@code rules: [{}]}): an empty rule matches
 * every request, so the policy allows everything to what it selects and cancels the namespace's
 * default deny.
 */
public final class IstioAuthorizationAllowsNotEverything implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-authz-no-allow-all",
          "No ALLOW AuthorizationPolicy has an empty rule that allows every request",
          Severity.CRITICAL,
          Target.ISTIO,
          "An empty rule ({}) matches any request from any caller, with or without an identity, so an ALLOW policy"
              + " holding one admits everything to the workloads it selects (the whole namespace without a selector)"
              + " and silently cancels the default deny. It differs from allow-nothing (no rules at all) by two"
              + " characters.",
          "Give the rule a from.source naming the callers' principals and a to.operation naming ports or paths, or"
              + " delete the rule.",
          List.of(
              "Istio security best practices: use ALLOW-with-positive-matching",
              "https://istio.io/latest/docs/ops/best-practices/security/"
                  + "#use-allow-with-positive-matching-and-deny-with-negative-match-patterns",
              "https://istio.io/latest/docs/reference/config/security/authorization-policy/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject policy : platform.deployed().ofKind("AuthorizationPolicy")) {
      Map<?, ?> spec = Raw.spec(policy);
      if (!Raw.text(spec, "action").orElse("ALLOW").equals("ALLOW")) {
        continue;
      }
      List<?> rules = Raw.list(spec, "rules");
      String scope =
          Raw.has(spec, "selector")
                  || !Raw.list(spec, "targetRefs").isEmpty()
                  || Raw.has(spec, "targetRef")
              ? "the workloads it selects"
              : "every workload in its namespace";
      for (int index = 0; index < rules.size(); index++) {
        if (IstioNamespacesDenyByDefault.isEmptyRule(rules.get(index))) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  policy,
                  ("spec.rules[" + index + "]"),
                  policy.describe(),
                  policy.describe()
                      + " rule "
                      + (index + 1)
                      + " is empty ({}), so it allows every request to "
                      + scope));
        }
      }
    }
    return findings;
  }
}
