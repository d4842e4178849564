package com.alphintra.infra.local;

import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImagePublisher;
import com.alphintra.infra.workspace.Workspace;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the local environment needs beyond running programs, built once: a cluster connection per
 * kube context (made without connecting; an unknown context is refused when it is made), Helm per
 * context (with the tool's own repository file under the state folder), the ingress prober for a CA
 * file, a clock, how long to wait for readiness, the image builder (given its cache folder) and the
 * deep status check's probes (given a cluster and the local CA). Tests pass fakes and the mock
 * server.
 */
public record LocalServices(
    Function<String, Cluster> clusters,
    BiFunction<String, Path, Charts> charts,
    Function<Path, IngressProber> probers,
    Clock clock,
    Duration readinessWait,
    Function<Path, ImagePublisher> images,
    BiFunction<Cluster, GatewayEndpoint, SmokeProbes> smokeProbes,
    Map<String, String> environment) {

  public LocalServices {
    environment = Map.copyOf(environment);
  }

  /** With the process's environment, which k3d gets and expands in its config. */
  public LocalServices(
      Function<String, Cluster> clusters,
      BiFunction<String, Path, Charts> charts,
      Function<Path, IngressProber> probers,
      Clock clock,
      Duration readinessWait,
      Function<Path, ImagePublisher> images,
      BiFunction<Cluster, GatewayEndpoint, SmokeProbes> smokeProbes) {
    this(clusters, charts, probers, clock, readinessWait, images, smokeProbes, System.getenv());
  }

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

  /** Production wiring on the person's kubeconfig ({@code KUBECONFIG} or ~/.kube/config). */
  public static LocalServices production() {
    // Like kubectl, HOME decides where ~/.kube is; Java's user.home comes from the password file.
    String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    return production(KubeContexts.fromEnvironment(System.getenv(), Path.of(home)));
  }

  /**
   * Production wiring on the given kubeconfig. A cluster (or Helm) for a context name is made from
   * that context alone, resolved by {@link KubeContexts}: a name that is not there is refused
   * before anything is sent. Making a cluster connects to nothing; its first request does.
   */
  public static LocalServices production(KubeContexts contexts) {
    return new LocalServices(
        context ->
            Cluster.serverSideApply(
                new KubernetesClientBuilder()
                    .withConfig(contexts.resolve(context).clientConfig())
                    .build()),
        (context, state) ->
            new HelmCharts(
                contexts.resolve(context).kubeconfig(),
                state.resolve("helm").resolve("repositories.yaml"),
                System.getenv()),
        TlsIngressProber::new,
        Clock.systemUTC(),
        Duration.ofMinutes(3),
        ImageBuilder::new,
        ClusterSmokeProbes::new,
        System.getenv());
  }

  /** Where Jib caches base and application layers for a checkout: its git-ignored state folder. */
  public static Path imageCache(Workspace workspace) {
    return workspace.localState().resolve("jib-cache");
  }
}
