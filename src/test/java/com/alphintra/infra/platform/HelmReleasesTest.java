package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.manifest.KubeObject;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chart objects are judged where {@code helm install -n} creates them: in the release's namespace
 * when the template writes none, in their own when it does, and nowhere for cluster-scoped kinds.
 */
class HelmReleasesTest {

  private static List<KubeObject> objects(String yaml) throws Exception {
    return new ManifestLoader().fromTextUntyped(yaml, Origin.rendered("test")).objects();
  }

  @Test
  void aNamespacedObjectWithoutNamespaceGetsTheReleasesOne() throws Exception {
    String rendered =
        """
        ---
        # Source: jaeger/templates/query-svc.yaml
        apiVersion: v1
        kind: Service
        metadata:
          # the chart's comment
          name: jaeger-query
          labels:
            app: jaeger
        spec:
          ports:
          - port: 16686
        ---
        # Source: jaeger/templates/cm.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: four-spaces
        """;

    List<KubeObject> objects = objects(HelmReleases.inReleaseNamespace(rendered, "observability"));

    assertThat(objects)
        .extracting(object -> object.namespace().orElse("-"))
        .containsExactly("observability", "observability");
    assertThat(objects.get(0).labels()).containsEntry("app", "jaeger");
    assertThat(objects.get(1).name()).contains("four-spaces");
  }

  @Test
  void aWrittenNamespaceAndClusterScopedKindsAreKept() throws Exception {
    String rendered =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: coredns
          namespace: kube-system
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: viewer
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: flow}
        """;

    List<KubeObject> objects = objects(HelmReleases.inReleaseNamespace(rendered, "observability"));

    assertThat(objects)
        .extracting(object -> object.namespace().orElse("-"))
        .containsExactly("kube-system", "-", "-");
    assertThat(HelmReleases.inReleaseNamespace("", "observability")).isEmpty();
  }
}
