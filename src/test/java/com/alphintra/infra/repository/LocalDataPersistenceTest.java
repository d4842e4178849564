package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.local.K3dCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local overlay's data comes back after {@code alphintra down} + {@code up}: every volume claim
 * template of the rendered local overlay uses a local-path StorageClass whose folder name is fixed
 * by namespace and claim (never by the claim's UID, which is new in every cluster) and which
 * retains the folder, and the k3d config mounts the per-user data folder where that provisioner
 * writes.
 */
class LocalDataPersistenceTest {

  @Test
  void everyLocalVolumeClaimGetsAFixedRetainedFolder() throws Exception {
    assumeTrue(InfraTree.hasKubectl(), "kubectl is not installed (it renders the overlay)");
    InfraTree.Rendered rendered = InfraTree.render("local");
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();
    List<Object> objects = InfraTree.documents(rendered.yaml());
    Map<String, Map<String, Object>> classes = new java.util.HashMap<>();
    List<String> claims = new ArrayList<>();
    for (Object object : objects) {
      if ("StorageClass".equals(InfraTree.at(object, "kind").orElse(null))) {
        classes.put(
            InfraTree.at(object, "metadata", "name").orElseThrow().toString(),
            InfraTree.map(object));
      }
    }
    for (Object object : objects) {
      if (!"StatefulSet".equals(InfraTree.at(object, "kind").orElse(null))) {
        continue;
      }
      String name = InfraTree.at(object, "metadata", "name").orElseThrow().toString();
      for (Object template :
          InfraTree.list(InfraTree.at(object, "spec", "volumeClaimTemplates").orElse(null))) {
        String storageClass =
            InfraTree.at(template, "spec", "storageClassName").map(Object::toString).orElse("");
        claims.add(name + "/" + storageClass);
        assertThat(classes).as("StatefulSet %s's StorageClass", name).containsKey(storageClass);
        Map<String, Object> chosen = classes.get(storageClass);
        assertThat(chosen.get("provisioner")).isEqualTo("rancher.io/local-path");
        assertThat(chosen.get("reclaimPolicy")).isEqualTo("Retain");
        assertThat(InfraTree.at(chosen, "parameters", "pathPattern").map(Object::toString))
            .hasValueSatisfying(
                pattern ->
                    assertThat(pattern)
                        .contains(".PVC.Namespace", ".PVC.Name")
                        .doesNotContain("PVName", "UID"));
      }
    }
    assertThat(claims)
        .containsExactlyInAnyOrder("postgres/alphintra-local-data", "redis/alphintra-local-data");
  }

  @Test
  void theK3dConfigMountsThePerUserDataFolderWhereTheProvisionerWrites() {
    Path config = InfraTree.kubernetesDir().resolve("local-k3d/cluster-config.yaml");
    Map<String, String> environment = K3dCluster.environmentFor(Map.of("HOME", "/home/dev"));

    K3dCluster cluster = K3dCluster.read(config, environment);

    assertThat(cluster.volumeHostDirectories())
        .containsExactly(Path.of("/home/dev/.local/share/alphintra/volumes"));
    assertThat(cluster.config().volumes())
        .anySatisfy(
            volume ->
                assertThat(volume.volume().orElseThrow())
                    .endsWith(":/var/lib/rancher/k3s/storage"));
  }
}
