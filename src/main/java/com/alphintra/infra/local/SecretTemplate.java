package com.alphintra.infra.local;

import java.util.List;
import java.util.Map;

/**
 * A Secret template of base/secrets/: where the real Secret goes, its labels, and for each key how its
 * value is made (the {@code alphintra.io/generate} annotation, such as {@code DB_PASSWORD=random:32}).
 */
public record SecretTemplate(String namespace, String name, String type, Map<String, String> labels,
    List<Map.Entry<String, String>> generators) {

  public SecretTemplate {
    labels = Map.copyOf(labels);
    generators = List.copyOf(generators);
  }

  public String reference(String key) {
    return namespace + "/" + name + "/" + key;
  }
}
