package com.alphintra.infra.doctor;

import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link Requirements} of a checkout from infra/versions.yaml and the k3d config. */
public final class RequirementsReader {

  private RequirementsReader() {}

  public static Requirements read(Workspace workspace) {
    PinnedVersions pins = PinnedVersions.read(workspace.versionsFile());
    Map<Tool, Version> minimums = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      minimums.put(tool, Version.parse(pins.require(tool.pinKey())));
    }
    List<Integer> ports = K3dPublishedPorts.read(workspace.k3dConfig());
    return new Requirements(minimums, ports, workspace.localState());
  }
}
