package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;

/**
 * The order objects are applied in, as Helm installs them: CRDs, then namespaces, then what others
 * refer to (accounts, policies, configuration, secrets), then services and workloads, and last the
 * kinds that exist only through a CRD (Istio, Prometheus operator), which need their CRD served
 * first.
 */
final class ApplyOrder {

  private static final List<String> KINDS =
      List.of(
          "CustomResourceDefinition",
          "Namespace",
          "ResourceQuota",
          "LimitRange",
          "PriorityClass",
          "StorageClass",
          "NetworkPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "ConfigMap",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "ClusterRole",
          "ClusterRoleBinding",
          "Role",
          "RoleBinding",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "Ingress",
          "APIService");

  private ApplyOrder() {}

  static int rank(HasMetadata object) {
    int index = KINDS.indexOf(object.getKind());
    return index < 0 ? KINDS.size() : index;
  }

  /** True for kinds served only through a CustomResourceDefinition. */
  static boolean isCustom(HasMetadata object) {
    return rank(object) == KINDS.size();
  }

  static Comparator<HasMetadata> comparator() {
    return Comparator.comparingInt(ApplyOrder::rank);
  }
}
