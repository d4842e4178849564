package com.alphintra.infra.local;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the local environment needs beyond running programs, built once: a cluster connection per kube
 * context, Helm per context (with the tool's own repository file under the state folder), the ingress
 * prober for a CA file, a clock, and how long to wait for readiness. Tests pass fakes and the mock server.
 */
public record LocalServices(Function<String, Cluster> clusters, BiFunction<String, Path, Charts> charts,
    Function<Path, IngressProber> probers, Clock clock, Duration readinessWait) {

  public static LocalServices production() {
    return new LocalServices(
        context -> Cluster.serverSideApply(
            new KubernetesClientBuilder().withConfig(Config.autoConfigure(context)).build()),
        (context, state) -> new HelmCharts(Kubeconfigs.forContext(context),
            state.resolve("helm").resolve("repositories.yaml")),
        TlsIngressProber::new,
        Clock.systemUTC(),
        Duration.ofMinutes(3));
  }
}
