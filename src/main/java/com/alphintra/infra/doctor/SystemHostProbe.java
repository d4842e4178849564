package com.alphintra.infra.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads this machine through the JDK; no external program, nothing that can hang. */
public final class SystemHostProbe implements HostProbe {

  private static final int CONNECT_TIMEOUT_MILLIS = 200;

  @Override
  public int availableProcessors() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public long totalMemoryBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public long usableDiskBytes(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return 0;
    }
    try {
      return Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public boolean isPortFree(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
      return false;
    } catch (IOException nothingListens) {
      // Nothing answered on loopback; now make sure no other address holds the port.
    }
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(port));
      return true;
    } catch (BindException e) {
      // Ports below 1024 need privileges we lack, but Docker binds them as root: only "in use" is
      // busy.
      return e.getMessage() == null
          || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("in use");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String javaVersion() {
    return Runtime.version().toString();
  }

  @Override
  public Optional<Path> applicationDefaultCredentials() {
    String explicit = System.getenv("GOOGLE_APPLICATION_CREDENTIALS");
    if (explicit != null && !explicit.isBlank()) {
      Path file = Path.of(explicit);
      return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }
    Path standard =
        Path.of(
            System.getProperty("user.home"),
            ".config",
            "gcloud",
            "application_default_credentials.json");
    return Files.isReadable(standard) ? Optional.of(standard) : Optional.empty();
  }
}
