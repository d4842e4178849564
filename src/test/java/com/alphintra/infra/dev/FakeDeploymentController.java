package com.alphintra.infra.dev;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plays the Deployment controller against the CRUD mock server, which has none: when a Deployment's
 * image changes it writes the status a real rollout would reach, after a delay: all replicas
 * available when the image starts, or one updated replica stuck in ImagePullBackOff (with a pod
 * saying so) when it does not.
 */
final class FakeDeploymentController implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Predicate<String> imageStarts;
  private final long delayMillis;
  private final Map<String, String> seen = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  FakeDeploymentController(
      KubernetesClient client, String namespace, Predicate<String> imageStarts, long delayMillis) {
    this.client = client;
    this.namespace = namespace;
    this.imageStarts = imageStarts;
    this.delayMillis = delayMillis;
    for (Deployment deployment :
        client.apps().deployments().inNamespace(namespace).list().getItems()) {
      seen.put(deployment.getMetadata().getName(), image(deployment));
    }
    this.thread = new Thread(this::loop, "fake-deployment-controller");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The status of a Deployment whose one replica runs and is available: the state before a rollout.
   */
  static Deployment available(Deployment deployment) {
    long generation =
        deployment.getMetadata().getGeneration() == null
            ? 1
            : deployment.getMetadata().getGeneration();
    deployment.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(generation)
            .withReplicas(1)
            .withUpdatedReplicas(1)
            .withReadyReplicas(1)
            .withAvailableReplicas(1)
            .build());
    return deployment;
  }

  private void loop() {
    while (running) {
      try {
        for (Deployment deployment :
            client.apps().deployments().inNamespace(namespace).list().getItems()) {
          String name = deployment.getMetadata().getName();
          String image = image(deployment);
          if (!image.equals(seen.get(name))) {
            Thread.sleep(delayMillis);
            seen.put(name, image);
            react(name, image);
          }
        }
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The mock server is shutting down with the test.
      }
    }
  }

  private void react(String name, String image) {
    Deployment current = client.apps().deployments().inNamespace(namespace).withName(name).get();
    long generation =
        current.getMetadata().getGeneration() == null ? 1 : current.getMetadata().getGeneration();
    if (imageStarts.test(image)) {
      current.setStatus(
          new DeploymentStatusBuilder()
              .withObservedGeneration(generation)
              .withReplicas(1)
              .withUpdatedReplicas(1)
              .withReadyReplicas(1)
              .withAvailableReplicas(1)
              .build());
    } else {
      current.setStatus(
          new DeploymentStatusBuilder()
              .withObservedGeneration(generation)
              .withReplicas(2)
              .withUpdatedReplicas(1)
              .withReadyReplicas(1)
              .withAvailableReplicas(1)
              .withUnavailableReplicas(1)
              .build());
      Pod stuck =
          new PodBuilder()
              .withNewMetadata()
              .withName(name + "-new")
              .withNamespace(namespace)
              .withLabels(current.getSpec().getSelector().getMatchLabels())
              .endMetadata()
              .withNewStatus()
              .withContainerStatuses(
                  new ContainerStatusBuilder()
                      .withName("app")
                      .withImage(image)
                      .withNewState()
                      .withNewWaiting()
                      .withReason("ImagePullBackOff")
                      .endWaiting()
                      .endState()
                      .build())
              .endStatus()
              .build();
      client.resource(stuck).createOr(operation -> operation.update());
    }
    client.resource(current).update();
  }

  private static String image(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  List<String> images() {
    return client.apps().deployments().inNamespace(namespace).list().getItems().stream()
        .map(FakeDeploymentController::image)
        .toList();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
