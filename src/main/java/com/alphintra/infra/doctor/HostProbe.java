package com.alphintra.infra.doctor;

import java.nio.file.Path;
import java.util.Optional;

/** Facts about this machine that need no external program. A test fake answers them from fields. */
public interface HostProbe {

  int availableProcessors();

  long totalMemoryBytes();

  /** Usable bytes on the file system holding {@code path} (or its nearest existing parent). */
  long usableDiskBytes(Path path);

  /** True when nothing listens on the port and it can be bound. */
  boolean isPortFree(int port);

  /** The Java runtime running the tool, such as {@code 17.0.15}. */
  String javaVersion();

  /** The Google application-default credentials file, when there is one. */
  Optional<Path> applicationDefaultCredentials();
}
