package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Pins the request production's apply sends. The CRUD mock cannot answer server-side apply, so this
 * test uses expectations mode: one scripted reply, then the recorded request is checked.
 */
@EnableKubernetesMockClient
class ClusterServerSideApplyTest {

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void applyIsAServerSideApplyPatchUnderOurFieldManager() throws Exception {
    ConfigMap object =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("platform-config")
            .withNamespace("alphintra")
            .endMetadata()
            .addToData("LOG_LEVEL", "info")
            .build();
    server
        .expect()
        .patch()
        .withPath(
            "/api/v1/namespaces/alphintra/configmaps/platform-config?fieldManager=alphintra&force=true")
        .andReturn(200, object)
        .once();

    Cluster.serverSideApply(client).apply(object);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getPath())
        .isEqualTo(
            "/api/v1/namespaces/alphintra/configmaps/platform-config?fieldManager=alphintra&force=true");
    assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(request.getUtf8Body())
        .contains("\"LOG_LEVEL\":\"info\"")
        .contains("\"name\":\"platform-config\"");
  }
}
