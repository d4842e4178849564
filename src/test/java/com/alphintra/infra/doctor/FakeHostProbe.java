package com.alphintra.infra.doctor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link HostProbe} answering from fields: a comfortable machine unless a test says otherwise.
 */
public final class FakeHostProbe implements HostProbe {

  public int cpus = 8;
  public long memoryBytes = 32L << 30;
  public long diskBytes = 200L << 30;
  public String javaVersion = "17.0.15+6";
  public Optional<Path> credentials =
      Optional.of(Path.of("/home/dev/.config/gcloud/application_default_credentials.json"));
  public final Set<Integer> busyPorts = new HashSet<>();

  @Override
  public int availableProcessors() {
    return cpus;
  }

  @Override
  public long totalMemoryBytes() {
    return memoryBytes;
  }

  @Override
  public long usableDiskBytes(Path path) {
    return diskBytes;
  }

  @Override
  public boolean isPortFree(int port) {
    return !busyPorts.contains(port);
  }

  @Override
  public String javaVersion() {
    return javaVersion;
  }

  @Override
  public Optional<Path> applicationDefaultCredentials() {
    return credentials;
  }
}
