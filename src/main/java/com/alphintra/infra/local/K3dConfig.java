package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * What {@code up} and {@code down} need from the k3d config: the cluster name (its kube context is
 * {@code k3d-<name>}), node counts, the registry it creates and the host folders it mounts as
 * volumes.
 */
public record K3dConfig(
    Path file,
    String name,
    int servers,
    int agents,
    Optional<String> registry,
    List<Path> volumeHostDirectories) {

  public K3dConfig {
    volumeHostDirectories = List.copyOf(volumeHostDirectories);
  }

  public String context() {
    return "k3d-" + name;
  }

  public int nodes() {
    return servers + agents;
  }

  /** The registry's container name: k3d prefixes the configured name with {@code k3d-}. */
  public Optional<String> registryContainer() {
    return registry.map(
        configured -> configured.startsWith("k3d-") ? configured : "k3d-" + configured);
  }

  public static K3dConfig read(Path file) {
    Object document;
    try {
      document =
          new Load(LoadSettings.builder().setLabel(file.toString()).build())
              .loadFromString(Files.readString(file));
    } catch (IOException e) {
      throw new InputException(
          "cannot read the k3d config: " + e.getMessage(),
          file,
          "restore infra/kubernetes/local-k3d/cluster-config.yaml from git");
    } catch (YamlEngineException e) {
      throw new InputException(
          "malformed k3d config: " + e.getMessage(), file, "fix the YAML syntax");
    }
    if (!(document instanceof Map<?, ?> root)
        || !(root.get("metadata") instanceof Map<?, ?> metadata)
        || metadata.get("name") == null) {
      throw new InputException(
          "the k3d config has no metadata.name",
          file,
          "give the cluster a name under metadata.name, as in the repository's cluster-config.yaml");
    }
    Optional<String> registry = Optional.empty();
    if (root.get("registries") instanceof Map<?, ?> registries
        && registries.get("create") instanceof Map<?, ?> create
        && create.get("name") != null) {
      registry = Optional.of(create.get("name").toString());
    }
    LinkedHashSet<Path> volumes = new LinkedHashSet<>();
    if (root.get("volumes") instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> volume && volume.get("volume") != null) {
          hostDirectory(volume.get("volume").toString(), file).ifPresent(volumes::add);
        }
      }
    }
    return new K3dConfig(
        file,
        metadata.get("name").toString(),
        number(root.get("servers"), 1),
        number(root.get("agents"), 0),
        registry,
        new ArrayList<>(volumes));
  }

  /**
   * {@code /host/dir:/in/node[:ro]}: the host side, when it is a path rather than a named volume.
   */
  private static Optional<Path> hostDirectory(String spec, Path config) {
    int colon = spec.indexOf(':');
    String host = colon < 0 ? spec : spec.substring(0, colon);
    if (host.startsWith("~/")) {
      host = System.getProperty("user.home") + host.substring(1);
    }
    if (!host.startsWith("/") && !host.startsWith(".")) {
      return Optional.empty();
    }
    Path path = Path.of(host);
    return Optional.of(
        path.isAbsolute() ? path.normalize() : config.getParent().resolve(path).normalize());
  }

  private static int number(Object value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
