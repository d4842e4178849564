package com.alphintra.infra.check;

import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadError;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceComment;
import com.alphintra.infra.platform.TerraformView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small hand-made platforms for engine and reporter tests. */
final class TestPlatforms {

  private TestPlatforms() {}

  static Platform withComments(Map<Path, List<SourceComment>> comments) {
    return new Platform(
        Path.of("/repo"),
        TerraformView.empty(),
        KubernetesView.empty(),
        Map.of(),
        List.of(),
        List.of(Path.of("infra/a.tf")),
        comments,
        List.of(),
        List.of());
  }

  static Platform empty() {
    return withComments(Map.of());
  }

  static Platform withLoadError(LoadError error) {
    return empty().withLoadError(error);
  }
}
