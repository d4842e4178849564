package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In the GKE environments every container image comes from the project's Artifact Registry
 * repository: prod enforces Binary Authorization, which admits that repository and nothing else of
 * ours, and GKE nodes cannot pull from the laptop's k3d registry.
 */
class CloudOverlayImagesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyContainerImageComesFromTheEnvironmentsRepository(String environment) throws Exception {
    assumeTrue(
        InfraTree.hasKubectl(), "kubectl is not on the PATH; the overlays cannot be rendered");
    InfraTree.Rendered rendered = InfraTree.render(environment);
    assertThat(rendered.succeeded()).as(rendered.errors()).isTrue();

    List<String> images = new ArrayList<>();
    for (Object document : InfraTree.documents(rendered.yaml())) {
      Object podSpec = InfraTree.at(document, "spec", "template", "spec").orElse(null);
      for (String field : List.of("initContainers", "containers")) {
        for (Object container : InfraTree.list(InfraTree.map(podSpec).get(field))) {
          images.add(String.valueOf(InfraTree.map(container).get("image")));
        }
      }
    }

    assertThat(images)
        .isNotEmpty()
        .allSatisfy(
            image ->
                assertThat(image)
                    .startsWith(
                        "us-east4-docker.pkg.dev/alphintra-" + environment + "/alphintra/"));
  }
}
