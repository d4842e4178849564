package com.alphintra.infra.local;

import com.alphintra.infra.workspace.ChartRelease;
import java.time.Duration;
import java.util.Optional;

/** Helm releases on one cluster: install or upgrade, look up, uninstall. */
public interface Charts {

  /**
   * Installs the release, or upgrades it when it exists, and waits until its resources are ready.
   */
  void install(ChartRelease release, Duration timeout);

  Optional<InstalledRelease> status(String release, String namespace);

  void uninstall(String release, String namespace);
}
