package com.alphintra.infra.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What this checkout needs of a machine: minimum tool versions (from infra/versions.yaml), the host
 * ports the k3d config publishes, and where local data will be written (for the disk check).
 */
public record Requirements(
    Map<Tool, Version> minimums, List<Integer> hostPorts, Path dataDirectory) {

  /** k3s server + 3 agents, Istio and the observability stack fit in this; less swaps or evicts. */
  public static final long MIN_MEMORY_BYTES = 8L * 1024 * 1024 * 1024;

  /** Node images, the registry and persistent volumes; k3s evicts pods below ~15% free disk. */
  public static final long MIN_DISK_BYTES = 20L * 1024 * 1024 * 1024;

  /** Runs slowly at 2; 4 or more is comfortable. */
  public static final int MIN_CPUS = 2;

  public Requirements {
    minimums = Map.copyOf(minimums);
    hostPorts = List.copyOf(hostPorts);
  }

  public Version minimum(Tool tool) {
    Version version = minimums.get(tool);
    if (version == null) {
      throw new IllegalStateException("no minimum version for " + tool.command());
    }
    return version;
  }

  /** The tool's minimum version, empty for a tool of which any version will do. */
  public java.util.Optional<Version> minimumOf(Tool tool) {
    if (tool.pinKey().isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(minimum(tool));
  }
}
