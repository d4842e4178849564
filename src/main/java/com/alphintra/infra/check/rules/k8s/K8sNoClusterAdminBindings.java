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
import java.util.Optional;

/**
 * No user, group or service account of ours is bound to a built-in administrator role: {@code
 * cluster-admin} in any binding, {@code admin} in a ClusterRoleBinding (where it covers every
 * namespace). Service accounts of kube-system (the cluster's own controllers) are exempt.
 */
public final class K8sNoClusterAdminBindings implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-no-cluster-admin-binding",
          "No ordinary subject is bound to a built-in administrator role",
          Severity.CRITICAL,
          Target.K8S,
          "cluster-admin can do anything to any object, including reading every Secret and granting itself more;"
              + " admin in a ClusterRoleBinding does nearly as much in every namespace. A person, CI job or workload"
              + " holding one turns any leak of its credentials into a cluster takeover.",
          "Bind a ClusterRole or Role that lists the resources and verbs the subject needs (as alphintra-deployer and"
              + " alphintra-developer do), in a RoleBinding per namespace.",
          List.of(
              "kube-linter cluster-admin-role-binding",
              "Polaris clusterrolebindingClusterAdmin",
              "Polaris rolebindingClusterAdminClusterRole",
              "CIS Kubernetes Benchmark 5.1.1"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject binding : platform.deployed().ofKinds("ClusterRoleBinding", "RoleBinding")) {
      Map<?, ?> raw = binding.object().raw();
      if (!(raw.get("roleRef") instanceof Map<?, ?> roleRef)
          || !"ClusterRole".equals(roleRef.get("kind"))
          || !(roleRef.get("name") instanceof String role)
          || !isAdministrator(binding.kind(), role)
          || !(raw.get("subjects") instanceof List<?> subjects)) {
        continue;
      }
      for (int index = 0; index < subjects.size(); index++) {
        if (!(subjects.get(index) instanceof Map<?, ?> subject)
            || isClusterComponent(binding, subject)) {
          continue;
        }
        String kind = subject.get("kind") instanceof String text ? text : "subject";
        String name = subject.get("name") instanceof String text ? text : "<unnamed>";
        findings.add(
            Finding.about(
                INFO,
                platform,
                binding,
                ("subjects[" + index + "]"),
                binding.describe(),
                binding.describe()
                    + " binds ClusterRole "
                    + role
                    + " to "
                    + kind
                    + " \""
                    + name
                    + "\""));
      }
    }
    return findings;
  }

  private static boolean isAdministrator(String bindingKind, String role) {
    return role.equals("cluster-admin")
        || role.equals("admin") && bindingKind.equals("ClusterRoleBinding");
  }

  private static boolean isClusterComponent(LoadedObject binding, Map<?, ?> subject) {
    Optional<String> namespace =
        subject.get("namespace") instanceof String text ? Optional.of(text) : binding.namespace();
    return "ServiceAccount".equals(subject.get("kind"))
        && namespace.filter("kube-system"::equals).isPresent();
  }
}
