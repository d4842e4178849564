package com.alphintra.infra.cli;

import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's own version and the pins of infra/versions.yaml. */
final class VersionProvider implements IVersionProvider {

  private final Services services;

  VersionProvider(Services services) {
    this.services = services;
  }

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>();
    lines.add("alphintra " + toolVersion());
    lines.add(
        "Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor", "unknown vendor")
            + ")");
    Optional<Workspace> workspace = services.workspace().get();
    if (workspace.isEmpty()) {
      lines.add("pinned versions: no infra/versions.yaml found (run inside the repository)");
      return lines.toArray(String[]::new);
    }
    lines.add("pinned versions (" + workspace.get().versionsFile() + "):");
    for (Map.Entry<String, String> pin :
        PinnedVersions.read(workspace.get().versionsFile()).entries().entrySet()) {
      if (!pin.getKey().equals("schemaVersion")) {
        lines.add("  " + pin.getKey() + ": " + pin.getValue());
      }
    }
    return lines.toArray(String[]::new);
  }

  static String toolVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
