package com.alphintra.infra.doctor;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The host ports a k3d {@code Simple} config publishes: the API server, the load balancer's port
 * mappings ({@code 443:443@loadbalancer}, optionally with a host IP) and the registry.
 */
final class K3dPublishedPorts {

  private K3dPublishedPorts() {}

  static List<Integer> read(Path config) {
    if (!Files.isRegularFile(config)) {
      return List.of();
    }
    Object document;
    try {
      document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(config));
    } catch (IOException | YamlEngineException e) {
      throw new InputException("cannot read the k3d config: " + e.getMessage(), config,
          "fix " + config.getFileName() + " (it must be valid YAML)");
    }
    TreeSet<Integer> ports = new TreeSet<>();
    if (document instanceof Map<?, ?> root) {
      if (root.get("kubeAPI") instanceof Map<?, ?> api) {
        addPort(api.get("hostPort"), ports);
      }
      if (root.get("ports") instanceof List<?> mappings) {
        for (Object mapping : mappings) {
          if (mapping instanceof Map<?, ?> entry && entry.get("port") != null) {
            addPort(hostSide(entry.get("port").toString()), ports);
          }
        }
      }
      if (root.get("registries") instanceof Map<?, ?> registries
          && registries.get("create") instanceof Map<?, ?> create) {
        addPort(create.get("hostPort"), ports);
      }
    }
    return List.copyOf(ports);
  }

  /** {@code [HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL][@NODEFILTER]} -> HOST_PORT. */
  private static String hostSide(String mapping) {
    String withoutFilter = mapping.split("@", 2)[0];
    String[] parts = withoutFilter.split(":");
    return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
  }

  private static void addPort(Object value, TreeSet<Integer> ports) {
    if (value == null) {
      return;
    }
    try {
      int port = Integer.parseInt(value.toString().trim());
      if (port > 0 && port < 65536) {
        ports.add(port);
      }
    } catch (NumberFormatException e) {
      // A port range or an unparsable value is the schema check's to report, not doctor's.
    }
  }
}
