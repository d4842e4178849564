package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * Host ports a k3d config binds: one port, or a range such as {@code 30000-30010}.
 *
 * @param hostIp the host address they bind to, when given ({@code 127.0.0.1}); absent means every
 *     address
 * @param first the first port
 * @param last the last port (equal to {@code first} for one port)
 */
public record HostPortRange(Optional<String> hostIp, int first, int last) {

  public HostPortRange {
    if (first < 0 || last < first || last > 65535) {
      throw new IllegalArgumentException("not a port range: " + first + "-" + last);
    }
  }

  /** One port. */
  public static HostPortRange of(Optional<String> hostIp, int port) {
    return new HostPortRange(hostIp, port, port);
  }

  public boolean contains(int port) {
    return first <= port && port <= last;
  }

  /** Whether both ranges bind a common port on a common address (no address means all of them). */
  public boolean overlaps(HostPortRange other) {
    boolean sameAddress = hostIp.isEmpty() || other.hostIp.isEmpty() || hostIp.equals(other.hostIp);
    return sameAddress && first <= other.last && other.first <= last;
  }

  @Override
  public String toString() {
    return hostIp.map(ip -> ip + ":").orElse("")
        + (first == last ? String.valueOf(first) : first + "-" + last);
  }
}
