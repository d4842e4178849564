package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * Reads the port notations of k3d and Docker ({@code
 * [HOSTIP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL][@FILTER]}).
 */
final class PortSpec {

  private PortSpec() {}

  /**
   * A port number such as {@code "6443"}; empty for anything else ({@code random}, out of range).
   */
  static Optional<Integer> port(String text) {
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int port = Integer.parseInt(digits);
    return port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  /** The text without a trailing {@code @nodefilter}. */
  static String withoutNodeFilter(String spec) {
    int at = spec.indexOf('@');
    return at < 0 ? spec : spec.substring(0, at);
  }

  /**
   * The host side of a port mapping such as {@code 8080:80@loadbalancer}, {@code
   * 127.0.0.1:8443:443/tcp} or {@code [::1]:80:80}; empty when it names only a container port
   * (Docker then picks the host port) or is unreadable.
   */
  static Optional<HostPortRange> hostPorts(String spec) {
    String rest = withoutNodeFilter(spec).strip();
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      rest = rest.substring(0, slash);
    }
    Optional<String> hostIp = Optional.empty();
    if (rest.startsWith("[")) {
      int close = rest.indexOf("]:");
      if (close < 0) {
        return Optional.empty();
      }
      hostIp = Optional.of(rest.substring(1, close));
      rest = rest.substring(close + 2);
    }
    String[] parts = rest.split(":", -1);
    String hostPort;
    if (parts.length == 3 && hostIp.isEmpty()) {
      hostIp = Optional.of(parts[0]).filter(ip -> !ip.isEmpty());
      hostPort = parts[1];
    } else if (parts.length == 2) {
      hostPort = parts[0];
    } else {
      return Optional.empty();
    }
    return range(hostIp, hostPort);
  }

  private static Optional<HostPortRange> range(Optional<String> hostIp, String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      return port(text).map(port -> HostPortRange.of(hostIp, port));
    }
    Optional<Integer> first = port(text.substring(0, dash));
    Optional<Integer> last = port(text.substring(dash + 1));
    if (first.isEmpty() || last.isEmpty() || last.get() < first.get()) {
      return Optional.empty();
    }
    return Optional.of(new HostPortRange(hostIp, first.get(), last.get()));
  }

  /**
   * The container side of a port mapping such as {@code 127.0.0.1:8443:443/tcp@loadbalancer}
   * ({@code 443}); empty when unreadable.
   */
  static Optional<Integer> containerPort(String spec) {
    String rest = withoutNodeFilter(spec).strip();
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      rest = rest.substring(0, slash);
    }
    return port(rest.substring(rest.lastIndexOf(':') + 1));
  }

  /** The node filter after {@code @}, such as {@code loadbalancer}; empty when there is none. */
  static Optional<String> nodeFilter(String spec) {
    int at = spec.indexOf('@');
    return at < 0 ? Optional.empty() : Optional.of(spec.substring(at + 1).strip());
  }
}
