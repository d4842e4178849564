package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.platform.K3dConfig;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/**
 * A k3d configuration of the platform with its typed model ({@link
 * com.alphintra.infra.manifest.k3d.K3dConfig}), which the platform view reads once.
 *
 * @param source the configuration as the platform view has it: file and field positions
 * @param model the typed k3d model
 */
record ClusterConfig(K3dConfig source, com.alphintra.infra.manifest.k3d.K3dConfig model) {

  /** Every k3d configuration of the platform. */
  static List<ClusterConfig> all(Platform platform) {
    return platform.k3d().stream()
        .map(config -> new ClusterConfig(config, config.model()))
        .toList();
  }

  /** {@code k3d cluster alphintra}: how a message names the cluster. */
  String describe() {
    return "k3d cluster " + model.name().orElse("<unnamed>");
  }

  int lineOf(String path) {
    return source.lineOf(path);
  }
}
