package com.alphintra.infra.local;

import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImagePublisher;
import com.alphintra.infra.workspace.Workspace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the local environment needs beyond running programs, built once: a cluster connection per
 * kube context, Helm per context (with the tool's own repository file under the state folder), the
 * ingress prober for a CA file, a clock, how long to wait for readiness, the image builder (given
 * its cache folder) and the deep status check's probes (given a cluster and the local CA). Tests
 * pass fakes and the mock server.
 */
public record LocalServices(
    Function<String, Cluster> clusters,
    BiFunction<String, Path, Charts> charts,
    Function<Path, IngressProber> probers,
    Clock clock,
    Duration readinessWait,
    Function<Path, ImagePublisher> images,
    BiFunction<Cluster, Path, SmokeProbes> smokeProbes) {

  /**
   * Images built with Jib (cached in the given folder) and the deep check's real probes, as in
   * production.
   */
  public LocalServices(
      Function<String, Cluster> clusters,
      BiFunction<String, Path, Charts> charts,
      Function<Path, IngressProber> probers,
      Clock clock,
      Duration readinessWait) {
    this(
        clusters,
        charts,
        probers,
        clock,
        readinessWait,
        ImageBuilder::new,
        ClusterSmokeProbes::new);
  }

  public static LocalServices production() {
    return new LocalServices(
        context ->
            Cluster.serverSideApply(
                new KubernetesClientBuilder().withConfig(Config.autoConfigure(context)).build()),
        (context, state) ->
            new HelmCharts(
                Kubeconfigs.forContext(context),
                state.resolve("helm").resolve("repositories.yaml")),
        TlsIngressProber::new,
        Clock.systemUTC(),
        Duration.ofMinutes(3),
        ImageBuilder::new,
        ClusterSmokeProbes::new);
  }

  /** Where Jib caches base and application layers for a checkout: its git-ignored state folder. */
  public static Path imageCache(Workspace workspace) {
    return workspace.localState().resolve("jib-cache");
  }
}
