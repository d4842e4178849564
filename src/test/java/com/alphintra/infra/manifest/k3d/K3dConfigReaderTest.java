package com.alphintra.infra.manifest.k3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.Position;
import com.alphintra.infra.manifest.ProblemKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class K3dConfigReaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/manifest/k3d");
  private static final K3dConfigReader READER = new K3dConfigReader();

  @Test
  void readsEveryFieldOfAFullConfig() throws Exception {
    K3dConfigFile file = READER.fromFile(FIXTURES.resolve("valid-full.yaml"));
    K3dConfig config = file.config();

    assertThat(file.problems()).isEmpty();
    assertThat(config.name()).contains("alphintra");
    assertThat(config.serverCount()).isEqualTo(1);
    assertThat(config.agentCount()).isEqualTo(2);
    assertThat(config.kubeApi())
        .contains(
            new K3dKubeApi(
                Optional.of("alphintra.localhost"), Optional.of("127.0.0.1"), Optional.of("6445")));
    assertThat(config.image()).contains("rancher/k3s:v1.33.4-k3s1");
    assertThat(config.network()).contains("alphintra-net");
    assertThat(config.subnet()).contains("172.28.0.0/16");
    assertThat(config.token()).contains("not-a-real-token");
    assertThat(config.volumes()).hasSize(2);
    assertThat(config.volumes().get(0).nodeFilters()).containsExactly("server:0", "agent:*");
    assertThat(config.ports())
        .extracting(K3dPort::port)
        .extracting(Optional::orElseThrow)
        .containsExactly(
            "80:80", "127.0.0.1:443:443@loadbalancer", "30000-30002:30000-30002", "8080");
    assertThat(config.env())
        .containsExactly(new K3dEnvVar(Optional.of("LOG_LEVEL=debug"), List.of("server:*")));
    assertThat(config.files())
        .containsExactly(
            new K3dFile(
                "./manifests/namespace.yaml",
                "k3s-manifests/namespace.yaml",
                Optional.of("the platform namespaces"),
                List.of("server:*")));
    K3dRegistryCreate registry = config.registry().orElseThrow();
    assertThat(registry.name()).contains("registry.localhost");
    assertThat(registry.host()).contains("127.0.0.1");
    assertThat(registry.hostPortNumber()).contains(5001);
    assertThat(registry.image()).contains("docker.io/library/registry:2");
    assertThat(registry.proxy().orElseThrow().remoteUrl()).contains("https://registry-1.docker.io");
    assertThat(registry.proxy().orElseThrow().toString()).doesNotContain("not-a-secret");
    assertThat(registry.volumes()).containsExactly("/tmp/registry:/var/lib/registry");
    assertThat(registry.enforcePortMatch()).contains(true);
    assertThat(config.registries().orElseThrow().use()).containsExactly("k3d-other.localhost:5002");
    assertThat(config.registries().orElseThrow().config().orElseThrow()).contains("mirrors:");
    assertThat(config.hostAliases())
        .containsExactly(
            new K3dHostAlias(
                Optional.of("10.0.0.10"), List.of("db.alphintra.local", "cache.alphintra.local")));
    K3dOptions options = config.options().orElseThrow();
    K3dClusterOptions k3d = options.k3d().orElseThrow();
    assertThat(k3d.waitForReady()).contains(true);
    assertThat(k3d.timeout()).contains("120s");
    assertThat(k3d.disableLoadbalancer()).contains(false);
    assertThat(k3d.disableImageVolume()).contains(false);
    assertThat(k3d.disableRollback()).contains(false);
    assertThat(k3d.loadbalancer().orElseThrow().configOverrides())
        .containsExactly("settings.workerConnections=2048");
    assertThat(options.k3s().orElseThrow().extraArgs())
        .containsExactly(new K3sArg(Optional.of("--disable=traefik"), List.of("server:*")));
    assertThat(options.k3s().orElseThrow().nodeLabels())
        .containsExactly(new K3dLabel(Optional.of("tier=general"), List.of("agent:*")));
    assertThat(options.kubeconfig())
        .contains(new K3dKubeconfigOptions(Optional.of(true), Optional.of(false)));
    K3dRuntimeOptions runtime = options.runtime().orElseThrow();
    assertThat(runtime.gpuRequest()).contains("all");
    assertThat(runtime.serversMemory()).contains("2g");
    assertThat(runtime.agentsMemory()).contains("4g");
    assertThat(runtime.hostPidMode()).contains(false);
    assertThat(runtime.labels())
        .containsExactly(new K3dLabel(Optional.of("team=platform"), List.of("all")));
    assertThat(runtime.ulimits())
        .containsExactly(
            new K3dUlimit(Optional.of("nofile"), Optional.of(26677L), Optional.of(26677L)));
    assertThat(config.toString()).doesNotContain("not-a-real-token");
  }

  @Test
  void listsTheHostPortsTheClusterClaimsWithTheirFields() throws Exception {
    K3dConfigFile file = READER.fromFile(FIXTURES.resolve("valid-full.yaml"));

    assertThat(file.config().hostPortClaims())
        .containsExactly(
            new HostPortClaim(
                FieldPath.parse("kubeAPI.hostPort"),
                HostPortRange.of(Optional.of("127.0.0.1"), 6445)),
            new HostPortClaim(
                FieldPath.parse("ports[0].port"), HostPortRange.of(Optional.empty(), 80)),
            new HostPortClaim(
                FieldPath.parse("ports[1].port"), HostPortRange.of(Optional.of("127.0.0.1"), 443)),
            new HostPortClaim(
                FieldPath.parse("ports[2].port"),
                new HostPortRange(Optional.empty(), 30000, 30002)),
            new HostPortClaim(
                FieldPath.parse("registries.create.hostPort"),
                HostPortRange.of(Optional.of("127.0.0.1"), 5001)));
    assertThat(file.positionOf(FieldPath.parse("ports[1].port"))).isEqualTo(new Position(24, 5));
    assertThat(file.positionOf(FieldPath.parse("registries.create.hostPort")))
        .isEqualTo(new Position(42, 5));
  }

  @Test
  void listsTheHostPathsMountedIntoNodes() throws Exception {
    K3dConfig config = READER.fromFile(FIXTURES.resolve("valid-full.yaml")).config();

    assertThat(config.volumeHostPaths()).containsExactly(Path.of("/tmp/alphintra-data"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "80:80@loadbalancer            | -           | 80    | 80",
        "0.0.0.0:8080:80/tcp@server:0  | 0.0.0.0     | 8080  | 8080",
        "[::1]:8443:443                | ::1         | 8443  | 8443",
        "30000-30010:30000-30010       | -           | 30000 | 30010",
        ":9090:90                      | -           | 9090  | 9090",
      })
  void readsTheHostSideOfPortMappings(String spec, String hostIp, int first, int last) {
    assertThat(new K3dPort(Optional.of(spec), List.of()).hostPorts())
        .contains(new HostPortRange(Optional.ofNullable(hostIp), first, last));
  }

  @ParameterizedTest
  @CsvSource({"8080", "not-a-port", "99999:80", "a:b:c:d", "90-80:80"})
  void claimsNoHostPortWhenNoneIsNamed(String spec) {
    assertThat(new K3dPort(Optional.of(spec), List.of()).hostPorts()).isEmpty();
  }

  @Test
  void hostPortRangesKnowWhetherTheyClash() {
    HostPortRange any80 = HostPortRange.of(Optional.empty(), 80);
    HostPortRange local80 = HostPortRange.of(Optional.of("127.0.0.1"), 80);
    HostPortRange other80 = HostPortRange.of(Optional.of("10.0.0.1"), 80);
    HostPortRange range = new HostPortRange(Optional.empty(), 70, 90);

    assertThat(any80.overlaps(local80)).isTrue();
    assertThat(local80.overlaps(other80)).isFalse();
    assertThat(range.overlaps(local80)).isTrue();
    assertThat(range.contains(91)).isFalse();
    assertThat(range).hasToString("70-90");
    assertThat(local80).hasToString("127.0.0.1:80");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid-unknown-top-level-key.yaml    | UNKNOWN_FIELD | server                  | 3",
        "invalid-unknown-nested-key.yaml       | UNKNOWN_FIELD | options.k3d.timeOut     | 6",
        "invalid-servers-text.yaml             | WRONG_TYPE    | servers                 | 3",
        "invalid-servers-zero.yaml             | INVALID_VALUE | servers                 | 3",
        "invalid-agents-negative.yaml          | INVALID_VALUE | agents                  | 3",
        "invalid-host-port-number.yaml         | WRONG_TYPE    | kubeAPI.hostPort        | 4",
        "invalid-port-entry-not-a-mapping.yaml | WRONG_TYPE    | ports[0]                | 4",
        "invalid-node-filters-not-a-list.yaml  | WRONG_TYPE    | ports[0].nodeFilters    | 5",
        "invalid-kind.yaml                     | INVALID_VALUE | kind                    | 2",
        "invalid-old-api-version.yaml          | INVALID_VALUE | apiVersion              | 1",
        "invalid-missing-api-version.yaml      | MISSING_FIELD | apiVersion              | 1",
        "invalid-file-without-destination.yaml | MISSING_FIELD | files[0].destination    | 4",
        "invalid-wait-text.yaml                | WRONG_TYPE    | options.k3d.wait        | 5",
        "invalid-host-ip.yaml                  | INVALID_VALUE | kubeAPI.hostIP          | 4",
        "invalid-cluster-name.yaml             | INVALID_VALUE | metadata.name           | 4",
        "invalid-null-image.yaml               | WRONG_TYPE    | image                   | 3",
        "invalid-registry-volume-not-text.yaml | WRONG_TYPE    | registries.create.volumes[0] | 6",
        "valid-unknown-key-under-registries.yaml | IGNORED_FIELD | registries.creat      | 4",
        "valid-unknown-key-under-runtime.yaml  | IGNORED_FIELD | options.runtime.serverMemory | 5",
      })
  void reportsEachProblemAtItsField(String fixture, ProblemKind kind, String path, int line)
      throws Exception {
    K3dConfigFile file = READER.fromFile(FIXTURES.resolve(fixture));

    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(kind);
              assertThat(problem.path()).hasToString(path);
              assertThat(problem.position().line()).isEqualTo(line);
            });
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() throws Exception {
    K3dConfigFile file =
        READER.fromText(
            """
                apiVersion: k3d.io/v1alpha5
                kind: Simple
                servers: many
                agents: 1
                ports:
                  - port: 80:80
                    nodeFiltrs: [loadbalancer]
                options:
                  kubeconfig:
                    switchCurrentContext: 1
                """,
            Origin.rendered("t"));

    assertThat(file.problems())
        .extracting(ManifestProblem::toString)
        .containsExactly(
            "t:3:1: wrong type for servers: expected a whole number, found text \"many\"",
            "t:7:5: unknown field \"nodeFiltrs\" in ports[0]; k3d rejects the file",
            "t:10:5: wrong type for options.kubeconfig.switchCurrentContext: expected a boolean, found number 1");
    assertThat(file.config().agents()).contains(1);
    assertThat(file.config().servers()).isEmpty();
    assertThat(file.config().serverCount()).isEqualTo(1);
  }

  @Test
  void readsOnlyTheFirstDocumentAsK3dDoes() throws Exception {
    K3dConfigFile file =
        READER.fromText(
            """
                apiVersion: k3d.io/v1alpha5
                kind: Simple
                servers: 3
                ---
                servers: 5
                """,
            Origin.rendered("t"));

    assertThat(file.config().serverCount()).isEqualTo(3);
    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ProblemKind.IGNORED_FIELD);
              assertThat(problem.position().line()).isEqualTo(5);
            });
    assertThat(file.hasErrors()).isFalse();
  }

  @Test
  void anEmptyOrMalformedFileIsAParseException() {
    assertThatThrownBy(() -> READER.fromText("# nothing\n", Origin.rendered("cluster-config.yaml")))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("cluster-config.yaml: empty; expected a k3d config");
    assertThatThrownBy(
            () -> READER.fromText("servers: [1\n", Origin.rendered("cluster-config.yaml")))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("cluster-config.yaml:2:1: ");
  }
}
