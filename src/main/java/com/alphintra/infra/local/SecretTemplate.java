package com.alphintra.infra.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Secret template of base/secrets/: where the real Secret goes, its labels, for each key how its
 * value is made locally (the {@code alphintra.io/generate} annotation, such as {@code
 * DB_PASSWORD=random:32}), and where it comes from in Google Cloud (the {@code
 * alphintra.io/cloud-source} annotation).
 */
public record SecretTemplate(
    String namespace,
    String name,
    String type,
    Map<String, String> labels,
    List<Map.Entry<String, String>> generators,
    Optional<String> cloudSource) {

  /**
   * Whether the GKE environments need this Secret: templates of local-only stores say "none: ...".
   */
  public boolean isNeededInTheCloud() {
    return cloudSource.filter(source -> !source.startsWith("none")).isPresent();
  }

  public SecretTemplate {
    labels = Map.copyOf(labels);
    generators = List.copyOf(generators);
  }

  public String reference(String key) {
    return namespace + "/" + name + "/" + key;
  }
}
