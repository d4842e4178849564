package com.alphintra.infra.dev;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.image.BuiltImage;
import com.alphintra.infra.image.ImagePublisher;
import com.alphintra.infra.image.SampleServiceBuild;
import com.alphintra.infra.image.SampleServiceImage;
import com.alphintra.infra.local.Cluster;
import com.alphintra.infra.local.K3dCluster;
import com.alphintra.infra.local.PlanFactory;
import com.alphintra.infra.workspace.Workspace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The inner dev loop of the sample service: compile it (Maven, through exec), build its image and
 * push it to the local registry (Jib), roll the Deployments to the pushed digest and wait until
 * they are available. A failure in any phase leaves the running version as it was: nothing reaches
 * the cluster before the image is pushed, and a rollout that does not become available gets its
 * previous image back.
 */
public final class DevLoop {

  private final Workspace workspace;
  private final SampleServiceBuild build;
  private final Function<String, Cluster> clusters;

  public DevLoop(
      Workspace workspace,
      ProcessRunner processes,
      ImagePublisher images,
      Function<String, Cluster> clusters) {
    this.workspace = workspace;
    this.build = new SampleServiceBuild(workspace, processes, images);
    this.clusters = clusters;
  }

  public SampleServiceImage image() {
    return build.image();
  }

  /** The Deployments a request names; an unknown name is an input error before anything runs. */
  public List<SampleDeployment> targets(DeployRequest request) {
    return SampleDeployments.read(
            workspace.kubernetes().resolve("base/services"), image().clusterReference())
        .select(request.services());
  }

  public DeployResult deploy(DeployRequest request, DevListener listener)
      throws InterruptedException {
    SampleServiceImage image = image();
    List<SampleDeployment> targets = targets(request);
    String context =
        PlanFactory.contextFor(K3dCluster.read(workspace.k3dConfig(), Map.of()), request.context());
    // The context is resolved before anything is compiled or pushed: one that is not in the
    // kubeconfig stops the pass here, with nothing built and nothing sent. Making the client
    // connects to nothing.
    try (Cluster cluster = clusters.apply(context)) {
      return deploy(request, listener, image, targets, context, cluster);
    }
  }

  private DeployResult deploy(
      DeployRequest request,
      DevListener listener,
      SampleServiceImage image,
      List<SampleDeployment> targets,
      String context,
      Cluster cluster)
      throws InterruptedException {
    List<PhaseResult> phases = new ArrayList<>();

    listener.phaseStarted(DeployPhase.COMPILE);
    long started = System.nanoTime();
    build.compile();
    phases.add(
        finished(
            listener,
            DeployPhase.COMPILE,
            started,
            "mvnw compile " + workspace.root().relativize(image.pom())));

    listener.phaseStarted(DeployPhase.IMAGE);
    started = System.nanoTime();
    BuiltImage built = publish(request);
    phases.add(finished(listener, DeployPhase.IMAGE, started, built.pinnedReference()));

    listener.phaseStarted(DeployPhase.ROLLOUT);
    started = System.nanoTime();
    String deployed = image.clusterReference(built.digest());
    List<String> rolled = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    roll(request, targets, deployed, rolled, unchanged, context, cluster);
    phases.add(
        finished(
            listener,
            DeployPhase.ROLLOUT,
            started,
            rolled.size()
                + " rolled"
                + (unchanged.isEmpty() ? "" : ", " + unchanged.size() + " already on this image")));
    return new DeployResult(phases, built, deployed, rolled, unchanged);
  }

  /**
   * Deploys, then again after every settled change of the sample service's sources or pom, until
   * interrupted. A failed pass is reported and the loop keeps watching; an input error (an unknown
   * service) stops it first.
   */
  public void watch(DeployRequest request, DevListener listener, Duration quietPeriod)
      throws InterruptedException {
    targets(request);
    SampleServiceImage image = image();
    try (SourceWatcher watcher =
        new SourceWatcher(List.of(image.sources()), List.of(image.project()), quietPeriod)) {
      pass(request, listener);
      while (!Thread.currentThread().isInterrupted()) {
        List<Path> changed =
            watcher.awaitChanges().stream().filter(path -> isSource(image, path)).toList();
        if (!changed.isEmpty()) {
          listener.changed(changed);
          pass(request, listener);
        }
      }
    }
  }

  /** The sources and the pom; never target/, which the compile phase itself writes. */
  private static boolean isSource(SampleServiceImage image, Path path) {
    return path.startsWith(image.sources()) || path.equals(image.pom());
  }

  private void pass(DeployRequest request, DevListener listener) throws InterruptedException {
    try {
      listener.passSucceeded(deploy(request, listener));
    } catch (OperationFailedException | InputException e) {
      listener.passFailed(e);
    }
  }

  private BuiltImage publish(DeployRequest request) {
    try {
      return build.publish(
          request
              .registryHost()
              .orElseGet(
                  () ->
                      PlanFactory.registryHostAddress(
                          K3dCluster.read(workspace.k3dConfig(), System.getenv()))));
    } catch (OperationFailedException e) {
      throw new OperationFailedException(
          e.getMessage(), e.hint() + "; nothing was rolled out, the running version is unchanged");
    }
  }

  private void roll(
      DeployRequest request,
      List<SampleDeployment> targets,
      String deployed,
      List<String> rolled,
      List<String> unchanged,
      String context,
      Cluster cluster)
      throws InterruptedException {
    try {
      Rollout rollout = new Rollout(cluster);
      Map<SampleDeployment, String> previous = new LinkedHashMap<>();
      for (SampleDeployment target : targets) {
        previous.put(target, rollout.currentImage(target));
      }
      Map<SampleDeployment, Long> generations = new LinkedHashMap<>();
      for (SampleDeployment target : targets) {
        if (previous.get(target).equals(deployed)) {
          unchanged.add(target.name());
        } else {
          generations.put(target, rollout.setImage(target, deployed));
          rolled.add(target.name());
        }
      }
      boolean available =
          cluster.waitUntil(
              () ->
                  generations.entrySet().stream()
                      .allMatch(entry -> rollout.isAvailable(entry.getKey(), entry.getValue())),
              request.rolloutTimeout());
      if (!available) {
        List<String> progress = generations.keySet().stream().map(rollout::progress).toList();
        generations.keySet().forEach(target -> rollout.setImage(target, previous.get(target)));
        throw new OperationFailedException(
            "the new version did not become available within "
                + format(request.rolloutTimeout())
                + ": "
                + String.join("; ", progress)
                + "; restored the previous image, so the old version keeps running",
            "see why with: kubectl -n "
                + targets.get(0).namespace()
                + " describe deployment "
                + rolled.get(0)
                + " and kubectl -n "
                + targets.get(0).namespace()
                + " logs deployment/"
                + rolled.get(0)
                + " -c "
                + targets.get(0).container());
      }
    } catch (KubernetesClientException e) {
      throw new OperationFailedException(
          "cannot roll out through kube context " + context + ": " + firstLine(e.getMessage()),
          "is the cluster up? 'alphintra up' creates it; 'alphintra status' checks it");
    }
  }

  private static PhaseResult finished(
      DevListener listener, DeployPhase phase, long startedNanos, String detail) {
    PhaseResult result =
        new PhaseResult(phase, Duration.ofNanos(System.nanoTime() - startedNanos), detail);
    listener.phaseFinished(result);
    return result;
  }

  static String format(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    return seconds >= 60
        ? seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s")
        : seconds + "s";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
