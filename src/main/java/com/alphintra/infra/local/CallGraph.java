package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The platform's declared call graph, read from the per-service ConfigMaps (SERVICE_NAME and the
 * hosts of DOWNSTREAM_SERVICES), the same configuration the sample services fan out by.
 *
 * @param callees each service's callees, services in name order, callees in configured order
 */
public record CallGraph(Map<String, List<String>> callees) {

  public CallGraph {
    Map<String, List<String>> copy = new TreeMap<>();
    callees.forEach((service, list) -> copy.put(service, List.copyOf(list)));
    callees = Collections.unmodifiableMap(copy);
  }

  public static CallGraph read(Path configMaps) {
    Map<String, List<String>> callees = new TreeMap<>();
    try (Stream<Path> files =
        Files.isDirectory(configMaps) ? Files.list(configMaps) : Stream.empty()) {
      for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document :
            new Load(LoadSettings.builder().setLabel(file.toString()).build())
                .loadAllFromString(Files.readString(file))) {
          Map<?, ?> data =
              document instanceof Map<?, ?> object && object.get("data") instanceof Map<?, ?> map
                  ? map
                  : Map.of();
          if (data.get("SERVICE_NAME") != null && data.containsKey("DOWNSTREAM_SERVICES")) {
            callees.put(
                data.get("SERVICE_NAME").toString(),
                hosts(String.valueOf(data.get("DOWNSTREAM_SERVICES"))));
          }
        }
      }
    } catch (IOException | YamlEngineException e) {
      throw new InputException(
          "cannot read the call graph from " + configMaps + ": " + e.getMessage(),
          configMaps,
          "restore infra/kubernetes/base/configmaps from git");
    }
    if (callees.isEmpty()) {
      throw new InputException(
          "no ConfigMap in " + configMaps + " sets SERVICE_NAME and DOWNSTREAM_SERVICES",
          configMaps,
          "restore infra/kubernetes/base/configmaps from git");
    }
    return new CallGraph(callees);
  }

  /** The service names of comma-separated {@code http://<service>.<namespace>.svc...:port} URLs. */
  private static List<String> hosts(String urls) {
    List<String> names = new ArrayList<>();
    for (String url : urls.split(",")) {
      String host = url.isBlank() ? null : URI.create(url.strip()).getHost();
      if (host != null) {
        names.add(host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
      }
    }
    return names;
  }

  public List<String> services() {
    return List.copyOf(callees.keySet());
  }

  /** Every edge as {@code caller->callee}. */
  public List<String> edges() {
    List<String> edges = new ArrayList<>();
    callees.forEach((caller, list) -> list.forEach(callee -> edges.add(caller + "->" + callee)));
    return edges;
  }

  /** The services nobody in the graph calls: where requests from outside enter. */
  public List<String> entryPoints() {
    return services().stream()
        .filter(service -> callees.values().stream().noneMatch(list -> list.contains(service)))
        .toList();
  }

  /**
   * A caller and callee with no edge between them, for checking that the mesh denies what the graph
   * does not declare: the first such pair from a service that calls nobody to one that is called,
   * in name order.
   */
  public Optional<List<String>> undeclaredPair() {
    for (String caller : services()) {
      if (!callees.get(caller).isEmpty()) {
        continue;
      }
      for (String callee : services()) {
        if (!callee.equals(caller)
            && !entryPoints().contains(callee)
            && !callees.get(caller).contains(callee)) {
          return Optional.of(List.of(caller, callee));
        }
      }
    }
    return Optional.empty();
  }
}
