package com.alphintra.infra.doctor;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Position;
import com.alphintra.infra.manifest.k3d.HostPortClaim;
import com.alphintra.infra.manifest.k3d.K3dConfigFile;
import com.alphintra.infra.manifest.k3d.K3dConfigReader;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the {@link Requirements} of a checkout from infra/versions.yaml and the k3d config. */
public final class RequirementsReader {

  private RequirementsReader() {}

  public static Requirements read(Workspace workspace) {
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    Map<Tool, Version> minimums = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      tool.pinKey().ifPresent(key -> minimums.put(tool, Version.parse(pins.require(key))));
    }
    return new Requirements(
        minimums, publishedPorts(workspace.k3dConfig()), workspace.localState());
  }

  /**
   * Every host port the k3d config publishes: the API server, the load balancer mappings, the
   * registry.
   */
  private static List<Integer> publishedPorts(Path config) {
    if (!Files.isRegularFile(config)) {
      return List.of();
    }
    K3dConfigFile file;
    try {
      file = new K3dConfigReader().fromFile(config);
    } catch (ManifestParseException e) {
      throw new InputException(
          e.reason(),
          config,
          e.position().map(Position::line).orElse(0),
          e.position().map(Position::column).orElse(0),
          "fix the YAML of " + config.getFileName(),
          e);
    } catch (IOException e) {
      throw new InputException(
          "cannot read the k3d config: " + e.getMessage(), config, "check the file's permissions");
    }
    TreeSet<Integer> ports = new TreeSet<>();
    for (HostPortClaim claim : file.config().hostPortClaims()) {
      for (int port = claim.ports().first(); port <= claim.ports().last(); port++) {
        ports.add(port);
      }
    }
    return List.copyOf(ports);
  }
}
