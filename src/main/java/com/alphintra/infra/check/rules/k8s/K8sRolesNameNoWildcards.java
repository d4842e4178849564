package com.alphintra.infra.check.rules.k8s;

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

/** Every Role and ClusterRole names the API groups, resources and verbs it grants. */
public final class K8sRolesNameNoWildcards implements Rule {

  private static final List<String> FIELDS = List.of("apiGroups", "resources", "verbs");

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-rbac-no-wildcards",
          "Roles grant named API groups, resources and verbs, never \"*\"",
          Severity.HIGH,
          Target.K8S,
          "A \"*\" grants everything that exists now and everything added later (new resources, CRDs, verbs such as"
              + " escalate, bind and impersonate), so the role's reach grows without a review.",
          "Replace each \"*\" in a rule's apiGroups, resources and verbs with the items the subject needs.",
          List.of(
              "kube-linter wildcard-in-rules",
              "checkov CKV_K8S_49",
              "CIS Kubernetes Benchmark 5.1.3"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject role : platform.deployed().ofKinds("Role", "ClusterRole")) {
      if (!(role.object().raw().get("rules") instanceof List<?> rules)) {
        continue;
      }
      for (int rule = 0; rule < rules.size(); rule++) {
        if (!(rules.get(rule) instanceof Map<?, ?> fields)) {
          continue;
        }
        for (String field : FIELDS) {
          if (fields.get(field) instanceof List<?> items) {
            int index = items.indexOf("*");
            if (index >= 0) {
              findings.add(
                  Finding.about(
                      INFO,
                      platform,
                      role,
                      ("rules[" + rule + "]." + field + "[" + index + "]"),
                      role.describe(),
                      role.describe() + " rule " + (rule + 1) + " has \"*\" in " + field));
            }
          }
        }
      }
    }
    return findings;
  }
}
