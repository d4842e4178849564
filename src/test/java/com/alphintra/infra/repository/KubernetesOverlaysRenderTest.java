package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every kustomize overlay renders with the kubectl the developers use. */
class KubernetesOverlaysRenderTest {

  static final java.util.List<String> OVERLAYS = InfraTree.OVERLAYS;

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(InfraTree.hasKubectl(), "kubectl is not on the PATH: cannot render the overlays");
  }

  @ParameterizedTest(name = "overlays/{0} renders")
  @FieldSource("OVERLAYS")
  void overlayRenders(String overlay) throws Exception {
    InfraTree.Rendered rendered = InfraTree.render(overlay);

    assertThat(rendered.succeeded())
        .as("kubectl kustomize infra/kubernetes/overlays/%s failed: %s", overlay, rendered.errors())
        .isTrue();
    assertThat(InfraTree.documents(rendered.yaml()))
        .as("objects rendered for %s", overlay)
        .hasSizeGreaterThan(100);
  }
}
