package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K3dClusterTest {

  @TempDir Path root;

  @Test
  void expandsVariablesAsK3dDoes() {
    assertThat(K3dCluster.expand("a ${X}:$Y/z ${UNSET}|", Map.of("X", "1", "Y", "2")))
        .isEqualTo("a 1:2/z |");
  }

  @Test
  void theDataFolderIsPerUserAndKeptAcrossRebootsUnlessGiven() {
    assertThat(
            K3dCluster.environmentFor(Map.of("HOME", "/home/dev"))
                .get(K3dCluster.DATA_DIR_VARIABLE))
        .isEqualTo("/home/dev/.local/share/alphintra/volumes");
    assertThat(
            K3dCluster.environmentFor(Map.of("HOME", "/home/dev", "XDG_DATA_HOME", "/data/dev"))
                .get(K3dCluster.DATA_DIR_VARIABLE))
        .isEqualTo("/data/dev/alphintra/volumes");
    assertThat(
            K3dCluster.environmentFor(
                    Map.of("HOME", "/home/dev", K3dCluster.DATA_DIR_VARIABLE, "/srv/alphintra"))
                .get(K3dCluster.DATA_DIR_VARIABLE))
        .isEqualTo("/srv/alphintra");
  }

  @Test
  void readsTheNameNodesAndFoldersFromTheExpandedFile() throws Exception {
    Path file = root.resolve("cluster-config.yaml");
    Files.writeString(
        file,
        """
        apiVersion: k3d.io/v1alpha5
        kind: Simple
        metadata: {name: demo}
        servers: 1
        agents: 2
        volumes:
          - volume: ${ALPHINTRA_DATA_DIR}:/var/lib/rancher/k3s/storage
          - volume: ./relative:/x
          - volume: named-volume:/y
        registries: {create: {name: demo-registry.localhost, hostPort: "5050"}}
        ports: [{port: "127.0.0.1:8443:443", nodeFilters: [loadbalancer]}]
        """);

    K3dCluster cluster = K3dCluster.read(file, Map.of(K3dCluster.DATA_DIR_VARIABLE, "/srv/data"));

    assertThat(cluster.context()).isEqualTo("k3d-demo");
    assertThat(cluster.nodes()).isEqualTo(3);
    assertThat(cluster.registryContainer()).contains("k3d-demo-registry.localhost");
    assertThat(cluster.registryHostAddress()).contains("127.0.0.1:5050");
    assertThat(cluster.ingressHostPort()).isEqualTo(8443);
    assertThat(cluster.volumeHostDirectories())
        .containsExactly(Path.of("/srv/data"), root.resolve("relative"));
  }

  @Test
  void aConfigWithoutNameOrMalformedIsAnInputError() throws Exception {
    Path file = root.resolve("cluster-config.yaml");
    Files.writeString(file, "apiVersion: k3d.io/v1alpha5\nkind: Simple\nservers: 1\n");
    assertThatThrownBy(() -> K3dCluster.read(file, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no metadata.name");

    Files.writeString(file, "metadata: [unclosed\n");
    assertThatThrownBy(() -> K3dCluster.read(file, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed k3d config");
  }
}
