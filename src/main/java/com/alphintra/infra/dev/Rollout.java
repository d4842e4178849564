package com.alphintra.infra.dev;

import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.local.Cluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes the image of a sample Deployment's container and tells when the new pods are available.
 * The change is a JSON patch of that one field, so every other field stays as {@code up} applied
 * it, and restoring the previous image is the same patch with the old value.
 */
final class Rollout {

  private final Cluster cluster;

  Rollout(Cluster cluster) {
    this.cluster = cluster;
  }

  String currentImage(SampleDeployment target) {
    return container(deployment(target), target).getImage();
  }

  /** Sets the container's image; returns the Deployment's generation that carries the change. */
  long setImage(SampleDeployment target, String image) {
    Deployment deployment = deployment(target);
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    int index = containers.indexOf(container(deployment, target));
    String path = "/spec/template/spec/containers/" + index;
    // The test op makes the patch fail rather than change another container if the list moved
    // meanwhile.
    String patch =
        "[{\"op\":\"test\",\"path\":\""
            + path
            + "/name\",\"value\":"
            + quote(target.container())
            + "},"
            + "{\"op\":\"replace\",\"path\":\""
            + path
            + "/image\",\"value\":"
            + quote(image)
            + "}]";
    Deployment patched =
        cluster.jsonPatch(Deployment.class, target.namespace(), target.name(), patch);
    Long generation = patched.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /**
   * True once the controller has seen {@code generation} and every replica is updated and
   * available.
   */
  boolean isAvailable(SampleDeployment target, long generation) {
    Deployment deployment = deployment(target);
    DeploymentStatus status = deployment.getStatus();
    if (status == null) {
      return false;
    }
    int wanted =
        deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    long observed = status.getObservedGeneration() == null ? -1 : status.getObservedGeneration();
    return observed >= generation
        && count(status.getUpdatedReplicas()) == wanted
        && count(status.getAvailableReplicas()) == wanted
        && count(status.getReplicas()) == wanted
        && count(status.getUnavailableReplicas()) == 0;
  }

  /**
   * Where the rollout stands, with the reason pods of the Deployment are not ready, for a failure
   * message.
   */
  String progress(SampleDeployment target) {
    Deployment deployment = deployment(target);
    DeploymentStatus status = deployment.getStatus();
    int wanted =
        deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    StringBuilder text =
        new StringBuilder(target.name())
            .append(": ")
            .append(status == null ? 0 : count(status.getUpdatedReplicas()))
            .append('/')
            .append(wanted)
            .append(" updated, ")
            .append(status == null ? 0 : count(status.getAvailableReplicas()))
            .append('/')
            .append(wanted)
            .append(" available");
    List<String> reasons = new ArrayList<>();
    Map<String, String> selector =
        deployment.getSpec().getSelector() == null
            ? Map.of()
            : deployment.getSpec().getSelector().getMatchLabels();
    for (Pod pod : cluster.list(Pod.class, target.namespace())) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (selector == null
          || selector.isEmpty()
          || labels == null
          || !labels.entrySet().containsAll(selector.entrySet())
          || pod.getStatus() == null
          || pod.getStatus().getContainerStatuses() == null) {
        continue;
      }
      for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
        if (container.getState() != null && container.getState().getWaiting() != null) {
          reasons.add(
              "pod "
                  + pod.getMetadata().getName()
                  + " "
                  + container.getName()
                  + ": "
                  + container.getState().getWaiting().getReason());
        }
      }
    }
    if (!reasons.isEmpty()) {
      text.append(" (").append(String.join("; ", reasons)).append(')');
    }
    return text.toString();
  }

  private Deployment deployment(SampleDeployment target) {
    return cluster
        .get(Deployment.class, target.namespace(), target.name())
        .orElseThrow(
            () ->
                new OperationFailedException(
                    "Deployment "
                        + target.namespace()
                        + "/"
                        + target.name()
                        + " is not in the cluster",
                    "apply the platform first: alphintra up"));
  }

  private static Container container(Deployment deployment, SampleDeployment target) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(container -> Objects.equals(container.getName(), target.container()))
        .findFirst()
        .orElseThrow(
            () ->
                new OperationFailedException(
                    "Deployment "
                        + target.namespace()
                        + "/"
                        + target.name()
                        + " has no container '"
                        + target.container()
                        + "'",
                    "the cluster differs from infra/kubernetes/base/services; run alphintra up to apply the manifests"));
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
