package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.dev.DevFixture;
import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.local.KubeContexts;
import com.alphintra.infra.local.LocalFixture;
import com.alphintra.infra.local.LocalServices;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A command acts on the context it names or on none. The kubeconfig's current context points at a
 * local listener that counts connections; the context a command needs is not there. Every command
 * must refuse with exit 3 and the way forward, and the other cluster must not see one connection.
 * Runs the production wiring of the Kubernetes client (fabric8), with fake programs.
 */
@EnableKubernetesMockClient(crud = true)
class KubeContextSafetyTest {

  /** The fixtures' own mock cluster; the commands under test must not reach it either. */
  KubernetesClient client;

  @TempDir Path root;

  private ServerSocket otherCluster;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;
  private Path kubeconfig;

  @BeforeEach
  void anotherClusterIsCurrent() throws IOException {
    otherCluster = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!otherCluster.isClosed()) {
                try (Socket socket = otherCluster.accept()) {
                  connections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "counting-listener");
    acceptor.setDaemon(true);
    acceptor.start();
    kubeconfig = root.resolve("kube/config");
    Files.createDirectories(kubeconfig.getParent());
    Files.writeString(
        kubeconfig,
        kubeconfig("someone-elses-prod", "https://127.0.0.1:" + otherCluster.getLocalPort()));
  }

  @AfterEach
  void close() throws Exception {
    otherCluster.close();
    acceptor.join(2000);
  }

  static String kubeconfig(String context, String server) {
    return """
        apiVersion: v1
        kind: Config
        current-context: %1$s
        contexts:
          - name: %1$s
            context: {cluster: %1$s, user: %1$s}
        clusters:
          - name: %1$s
            cluster: {server: "%2$s", insecure-skip-tls-verify: true}
        users:
          - name: %1$s
            user: {token: not-a-real-token}
        """
        .formatted(context, server);
  }

  static List<List<String>> commands() {
    return List.of(
        List.of("up"),
        List.of("up", "--only", "platform"),
        List.of("up", "--only", "istio"),
        List.of("up", "--from", "istio"),
        List.of("up", "--context", "k3d-alphintra"),
        List.of("status"),
        List.of("status", "--deep"),
        List.of("status", "--output", "json"),
        List.of("access", "all", "--for", "PT0.1S"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aCommandWhoseContextIsMissingRefusesAndSendsNothing(List<String> command) {
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);

    CliRun run = runAgainstKubeconfig(fixture, command.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out() + run.err())
        .contains(
            "the kubeconfig " + kubeconfig + " has no context k3d-alphintra",
            "`kubectl config get-contexts` lists them",
            "alphintra up");
    assertThat(connections.get()).as("connections to the current context's cluster").isZero();
  }

  @Test
  void aClusterK3dMadeWhoseContextIsElsewhereIsNotRolledBackAndSaysHowToMergeIt() {
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);

    CliRun run = runAgainstKubeconfig(fixture, "up");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains(
            "has no context k3d-alphintra",
            "although k3d has the cluster 'alphintra'",
            "k3d kubeconfig merge alphintra --kubeconfig-merge-default");
    // The failed step is not undone: the cluster stays for the person to reach once merged.
    assertThat(fixture.processes.commandLines())
        .noneMatch(line -> line.startsWith("k3d cluster delete"));
    assertThat(connections.get()).isZero();
  }

  @Test
  void devDeployRefusesBeforeItCompilesOrPushes() {
    DevFixture fixture = new DevFixture(root.resolve("checkout"), client);
    LocalServices production = LocalServices.production(KubeContexts.of(kubeconfig));
    LocalServices local =
        new LocalServices(
            production.clusters(),
            production.charts(),
            production.probers(),
            Clock.systemUTC(),
            Duration.ofSeconds(1),
            cache -> fixture.publisher(),
            production.smokeProbes());

    CliRun run =
        CliRun.of(
            new Services(
                fixture.processes,
                new FakeHostProbe(),
                () -> Optional.of(fixture.workspace),
                local),
            "dev",
            "deploy",
            "all");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.err()).contains("has no context k3d-alphintra");
    assertThat(fixture.processes.calls()).as("nothing compiled").isEmpty();
    assertThat(fixture.pushed).as("nothing pushed").isEmpty();
    assertThat(connections.get()).isZero();
  }

  @Test
  void theLocalOverlayIsRefusedOnARemoteClusterUnlessAllowed() throws IOException {
    // TEST-NET-1 (RFC 5737): never routed, so a connection attempt could not succeed either.
    Files.writeString(kubeconfig, kubeconfig("k3d-alphintra", "https://192.0.2.10:6443"));
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);

    CliRun run = runAgainstKubeconfig(fixture, "up", "--only", "platform");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("https://192.0.2.10:6443", "not this machine", "--allow-remote-context");
    assertThat(fixture.processes.calls()).isEmpty();
  }

  @Test
  void withoutAnyKubeconfigStatusSaysThereIsNoClusterWithinSeconds() {
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);
    long started = System.nanoTime();

    CliRun run =
        CliRun.of(
            new Services(
                fixture.processes,
                fixture.host,
                () -> Optional.of(fixture.workspace),
                LocalServices.production(
                    KubeContexts.fromEnvironment(
                        java.util.Map.of("KUBECONFIG", root.resolve("nonexistent").toString()),
                        root))),
            "status");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no cluster", "does not exist", "run `alphintra up`");
  }

  @Test
  void withoutAnyKubeconfigAccessSaysThereIsNoCluster() {
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);

    CliRun run =
        CliRun.of(
            new Services(
                fixture.processes,
                fixture.host,
                () -> Optional.of(fixture.workspace),
                LocalServices.production(
                    KubeContexts.fromEnvironment(java.util.Map.of(), root.resolve("home")))),
            "access",
            "kiali");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("no cluster", "home/.kube/config", "KUBECONFIG is not set", "alphintra up");
  }

  @Test
  void aContextWhoseServerIsDownIsReportedUnhealthyWithinSeconds() throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    Files.writeString(kubeconfig, kubeconfig("k3d-alphintra", "https://127.0.0.1:" + closedPort));
    LocalFixture fixture = new LocalFixture(root.resolve("checkout"), client);
    long started = System.nanoTime();

    CliRun run = runAgainstKubeconfig(fixture, "status");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("not reachable", "alphintra up");

    CliRun access = runAgainstKubeconfig(fixture, "access", "kiali");

    assertThat(access.exitCode()).isEqualTo(1);
    assertThat(access.err())
        .contains("cannot reach the cluster of context k3d-alphintra", "'alphintra up' creates it")
        .doesNotContain("--verbose");
  }

  /** Runs the command line on {@code fixture} with this test's kubeconfig, as a user would. */
  private CliRun runAgainstKubeconfig(LocalFixture fixture, String... args) {
    return CliRun.of(
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            LocalServices.production(KubeContexts.of(kubeconfig))),
        args);
  }
}
