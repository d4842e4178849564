package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Optional;

/** Whether a node, pod or workload is ready, read from its status as kubectl would. */
final class Readiness {

  private Readiness() {}

  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(
                condition ->
                    "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  static boolean isReady(Pod pod) {
    if (pod.getStatus() == null) {
      return false;
    }
    if ("Succeeded".equals(pod.getStatus().getPhase())) {
      return true;
    }
    return pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                condition ->
                    "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  /** {@code ready/wanted} of a Deployment, StatefulSet or DaemonSet; other kinds are ready. */
  static int[] replicas(HasMetadata workload) {
    if (workload instanceof Deployment deployment) {
      int wanted =
          deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
              ? 1
              : deployment.getSpec().getReplicas();
      int available =
          deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
              ? 0
              : deployment.getStatus().getAvailableReplicas();
      return new int[] {available, wanted};
    }
    if (workload instanceof StatefulSet set) {
      int wanted =
          set.getSpec() == null || set.getSpec().getReplicas() == null
              ? 1
              : set.getSpec().getReplicas();
      int ready =
          set.getStatus() == null || set.getStatus().getReadyReplicas() == null
              ? 0
              : set.getStatus().getReadyReplicas();
      return new int[] {ready, wanted};
    }
    if (workload instanceof DaemonSet set) {
      int wanted =
          set.getStatus() == null || set.getStatus().getDesiredNumberScheduled() == null
              ? 0
              : set.getStatus().getDesiredNumberScheduled();
      int available =
          set.getStatus() == null || set.getStatus().getNumberAvailable() == null
              ? 0
              : set.getStatus().getNumberAvailable();
      return new int[] {available, wanted};
    }
    return new int[] {1, 1};
  }

  static boolean isAvailable(HasMetadata workload) {
    int[] counts = replicas(workload);
    return counts[0] >= counts[1];
  }

  /** Whether a Job has finished successfully (condition Complete), as kubectl wait does. */
  static boolean isComplete(Job job) {
    return condition(job, "Complete").isPresent();
  }

  /** The Job's Failed condition, once it has given up (backoff limit, deadline). */
  static Optional<JobCondition> failure(Job job) {
    return condition(job, "Failed");
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }
}
