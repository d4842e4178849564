package com.alphintra.infra.dev;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The Deployments of infra/kubernetes/base/services that run the sample service image (as pinned in
 * infra/versions.yaml), read from the manifests so the dev loop rolls exactly what {@code up}
 * applies.
 */
public final class SampleDeployments {

  public static final String ALL = "all";

  private final List<SampleDeployment> deployments;

  private SampleDeployments(List<SampleDeployment> deployments) {
    this.deployments = List.copyOf(deployments);
  }

  public static SampleDeployments read(Path servicesFolder, String image) {
    List<SampleDeployment> found = new ArrayList<>();
    try (Stream<Path> files =
        Files.isDirectory(servicesFolder) ? Files.list(servicesFolder) : Stream.empty()) {
      for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
        found.addAll(inFile(file, image));
      }
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + servicesFolder + ": " + e.getMessage(),
          servicesFolder,
          "restore infra/kubernetes/base/services from git");
    }
    found.sort(Comparator.comparing(SampleDeployment::name));
    if (found.isEmpty()) {
      throw new InputException(
          "no Deployment in " + servicesFolder + " runs " + image,
          servicesFolder,
          "the Deployments' container image must be images.sampleService of infra/versions.yaml");
    }
    return new SampleDeployments(found);
  }

  public List<SampleDeployment> all() {
    return deployments;
  }

  /** The Deployments named (or all of them for {@code all}); an unknown name is an input error. */
  public List<SampleDeployment> select(List<String> names) {
    if (names.isEmpty() || names.contains(ALL)) {
      return deployments;
    }
    List<SampleDeployment> selected = new ArrayList<>();
    for (String name : names) {
      SampleDeployment match =
          deployments.stream()
              .filter(deployment -> deployment.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InputException(
                          "'" + name + "' is not a service that runs the sample image",
                          "choose one of: "
                              + String.join(
                                  ", ", deployments.stream().map(SampleDeployment::name).toList())
                              + ", or all"));
      if (!selected.contains(match)) {
        selected.add(match);
      }
    }
    return selected;
  }

  private static List<SampleDeployment> inFile(Path file, String image) throws IOException {
    List<SampleDeployment> found = new ArrayList<>();
    Iterable<Object> documents;
    try {
      documents =
          new Load(LoadSettings.builder().setLabel(file.toString()).build())
              .loadAllFromString(Files.readString(file));
      for (Object document : documents) {
        if (document instanceof Map<?, ?> object && "Deployment".equals(object.get("kind"))) {
          Map<?, ?> metadata = map(object.get("metadata"));
          Map<?, ?> podSpec = map(map(map(object.get("spec")).get("template")).get("spec"));
          for (Object container : list(podSpec.get("containers"))) {
            if (image.equals(map(container).get("image"))) {
              found.add(
                  new SampleDeployment(
                      String.valueOf(metadata.get("namespace")),
                      String.valueOf(metadata.get("name")),
                      String.valueOf(map(container).get("name"))));
            }
          }
        }
      }
    } catch (YamlEngineException e) {
      throw new InputException(
          "malformed YAML: " + e.getMessage(), file, "fix the manifest's YAML syntax");
    }
    return found;
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
