package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one place that talks to the Kubernetes API (fabric8): load, apply, get, list, delete, wait
 * and port-forward. Production applies with server-side apply under the field manager {@code
 * alphintra}; tests against the CRUD mock server, which does not speak server-side apply, create or
 * update instead.
 */
public final class Cluster implements AutoCloseable {

  public static final String FIELD_MANAGER = "alphintra";

  private enum ApplyMode {
    SERVER_SIDE,
    CREATE_OR_UPDATE
  }

  private final KubernetesClient client;
  private final ApplyMode mode;
  private final Duration pollInterval;

  private Cluster(KubernetesClient client, ApplyMode mode, Duration pollInterval) {
    this.client = client;
    this.mode = mode;
    this.pollInterval = pollInterval;
  }

  public static Cluster serverSideApply(KubernetesClient client) {
    return new Cluster(client, ApplyMode.SERVER_SIDE, Duration.ofSeconds(2));
  }

  /**
   * For the CRUD mock server: create, or update what exists. Polls fast, as the mock answers at
   * once.
   */
  public static Cluster createOrUpdate(KubernetesClient client) {
    return new Cluster(client, ApplyMode.CREATE_OR_UPDATE, Duration.ofMillis(20));
  }

  /**
   * Parses multi-document YAML into typed objects (generic ones for kinds fabric8 does not know).
   */
  public List<HasMetadata> load(String yaml) {
    try {
      return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    } catch (RuntimeException e) {
      throw new StepFailedException("cannot read the rendered manifests: " + e.getMessage());
    }
  }

  public HasMetadata apply(HasMetadata object) {
    try {
      if (mode == ApplyMode.SERVER_SIDE) {
        return client
            .resource(object)
            .fieldManager(FIELD_MANAGER)
            .forceConflicts()
            .serverSideApply();
      }
      return client.resource(object).createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      throw new StepFailedException("cannot apply " + describe(object), e.getMessage(), e);
    }
  }

  public Optional<HasMetadata> get(HasMetadata object) {
    return Optional.ofNullable(client.resource(object).get());
  }

  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    return Optional.ofNullable(
        namespace == null
            ? client.resources(type).withName(name).get()
            : client.resources(type).inNamespace(namespace).withName(name).get());
  }

  /** Objects of a type in one namespace, or in all namespaces when {@code namespace} is null. */
  public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
    return namespace == null
        ? client.resources(type).inAnyNamespace().list().getItems()
        : client.resources(type).inNamespace(namespace).list().getItems();
  }

  /** Custom objects by API version and kind; empty when the kind is not installed. */
  public List<GenericKubernetesResource> listCustom(
      String apiVersion, String kind, String namespace) {
    try {
      var resources = client.genericKubernetesResources(apiVersion, kind);
      return namespace == null
          ? resources.inAnyNamespace().list().getItems()
          : resources.inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  /** Deletes the object; true when it was there. */
  public boolean delete(HasMetadata object) {
    try {
      return !client.resource(object).delete().isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw new StepFailedException("cannot delete " + describe(object), e.getMessage(), e);
    }
  }

  /**
   * Applies a JSON patch (RFC 6902) to one object: for a change of single fields that leaves every
   * other field, and who owns it, as it is (the dev loop's image change). Returns the object as the
   * server holds it.
   */
  public <T extends HasMetadata> T jsonPatch(
      Class<T> type, String namespace, String name, String patch) {
    return client
        .resources(type)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON),
            patch);
  }

  /**
   * The last {@code lines} lines a pod's container wrote; empty when the pod has no log yet (its
   * container never started) or the API refuses it.
   */
  public Optional<String> logTail(String namespace, String pod, String container, int lines) {
    try {
      return Optional.ofNullable(
              client
                  .pods()
                  .inNamespace(namespace)
                  .withName(pod)
                  .inContainer(container)
                  .tailingLines(lines)
                  .getLog())
          .map(String::strip)
          .filter(log -> !log.isEmpty());
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
  }

  /**
   * Polls the condition until it holds or the timeout passes; API errors while waiting (a cluster
   * still starting) count as "not yet".
   */
  public boolean waitUntil(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return true;
        }
      } catch (KubernetesClientException e) {
        // Not reachable yet: keep waiting until the deadline.
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(pollInterval.toMillis());
    }
  }

  /**
   * Forwards 127.0.0.1:{@code localPort} to a Service port; closing the result ends the forward.
   */
  public LocalPortForward portForward(String namespace, String service, int port, int localPort) {
    return client
        .services()
        .inNamespace(namespace)
        .withName(service)
        .portForward(port, InetAddress.getLoopbackAddress(), localPort);
  }

  public String masterUrl() {
    return client.getMasterUrl().toString();
  }

  public static String describe(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  @Override
  public void close() {
    client.close();
  }
}
