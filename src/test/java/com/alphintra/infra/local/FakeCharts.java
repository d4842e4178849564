package com.alphintra.infra.local;

import com.alphintra.infra.workspace.ChartRelease;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@link Charts} for tests: keeps releases in a map, logs calls, fails or hangs on request, and for
 * istiod and the gateway creates an available Deployment in the mock cluster as the real charts
 * would.
 */
public final class FakeCharts implements Charts {

  public final List<String> log = Collections.synchronizedList(new ArrayList<>());
  public final CountDownLatch hanging = new CountDownLatch(1);

  /** The filled mirror layer each installed release got, by release name ("" for none). */
  public final Map<String, String> mirrorValues =
      Collections.synchronizedMap(new LinkedHashMap<>());

  private final Map<String, InstalledRelease> releases = new LinkedHashMap<>();
  private final KubernetesClient client;
  private String failing = "";
  private String hangs = "";

  public FakeCharts(KubernetesClient client) {
    this.client = client;
  }

  public FakeCharts failOn(String release) {
    failing = release;
    return this;
  }

  public FakeCharts hangOn(String release) {
    hangs = release;
    return this;
  }

  @Override
  public synchronized void install(ChartRelease release, Duration timeout) {
    if (release.name().equals(failing)) {
      throw new StepFailedException(
          "helm could not install " + release.display(),
          "Error: INSTALLATION FAILED: context deadline exceeded");
    }
    if (release.name().equals(hangs)) {
      hanging.countDown();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepFailedException("interrupted");
      }
    }
    log.add("install " + release.name() + " " + release.version());
    mirrorValues.put(
        release.name(),
        release.mirrorValues().map(com.alphintra.infra.workspace.MirrorValues::text).orElse(""));
    releases.put(
        release.namespace() + "/" + release.name(),
        new InstalledRelease(release.name(), release.namespace(), release.version(), "deployed"));
    if (release.name().equals("istiod")) {
      deployment("istio-system", "istiod", "docker.io/istio/pilot:" + release.version());
    } else if (release.name().equals(IstioStep.GATEWAY)) {
      deployment(IstioStep.GATEWAY_NAMESPACE, IstioStep.GATEWAY, "auto");
    }
  }

  private void deployment(String namespace, String name, String image) {
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withAvailableReplicas(1)
                .withReadyReplicas(1)
                .endStatus()
                .build())
        .createOr(operation -> operation.update());
  }

  @Override
  public synchronized Optional<InstalledRelease> status(String release, String namespace) {
    return Optional.ofNullable(releases.get(namespace + "/" + release));
  }

  @Override
  public synchronized void uninstall(String release, String namespace) {
    log.add("uninstall " + release);
    releases.remove(namespace + "/" + release);
  }
}
