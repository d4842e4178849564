package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a set of objects in dependency order and remembers which ones this run created, so an
 * undo removes exactly those (a namespace that was there before, with a Helm release in it, stays).
 * Each object carries the hash of what was applied, so "already done" means "the same objects are
 * there".
 */
final class AppliedObjects {

  static final String HASH_ANNOTATION = "alphintra.io/applied-hash";

  private final List<HasMetadata> created = new ArrayList<>();

  boolean allPresent(Cluster cluster, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      Optional<HasMetadata> found = cluster.get(object);
      if (found.isEmpty()) {
        return false;
      }
      if (object instanceof Secret wanted) {
        if (!(found.get() instanceof Secret secret)
            || !Objects.equals(wanted.getData(), secret.getData())) {
          return false;
        }
      } else if (!hash(object).equals(annotation(found.get()))) {
        return false;
      }
    }
    return true;
  }

  void apply(Cluster cluster, List<HasMetadata> objects) throws InterruptedException {
    List<HasMetadata> ordered = new ArrayList<>(objects);
    ordered.sort(ApplyOrder.comparator());
    for (HasMetadata object : ordered) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while applying " + Cluster.describe(object));
      }
      boolean existed = cluster.get(object).isPresent();
      if (!(object instanceof Secret)) {
        String hash = hash(object);
        Map<String, String> annotations =
            object.getMetadata().getAnnotations() == null
                ? new HashMap<>()
                : new HashMap<>(object.getMetadata().getAnnotations());
        annotations.put(HASH_ANNOTATION, hash);
        object.getMetadata().setAnnotations(annotations);
      }
      cluster.apply(object);
      if (!existed) {
        created.add(object);
      }
    }
  }

  /** Deletes what this run created, newest first. */
  void undo(Cluster cluster) {
    for (int index = created.size() - 1; index >= 0; index--) {
      cluster.delete(created.get(index));
    }
    created.clear();
  }

  private static String annotation(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? "" : annotations.getOrDefault(HASH_ANNOTATION, "");
  }

  static String hash(HasMetadata object) {
    try {
      Map<String, String> annotations = object.getMetadata().getAnnotations();
      String saved = annotations == null ? null : annotations.remove(HASH_ANNOTATION);
      String json = Serialization.asJson(object);
      if (saved != null) {
        annotations.put(HASH_ANNOTATION, saved);
      }
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
