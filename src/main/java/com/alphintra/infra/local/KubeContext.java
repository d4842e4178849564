package com.alphintra.infra.local;

import io.fabric8.kubernetes.client.Config;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One kube context, resolved from the kubeconfig by {@link KubeContexts}: its name, the API server
 * it points at, and a kubeconfig that holds only this context (as the current one), its cluster and
 * its user, with relative file paths made absolute. Both the Kubernetes client and the embedded
 * Helm are configured from that text, so neither can fall back to another context.
 *
 * @param name the context's name
 * @param source the kubeconfig file or files it was read from, for messages
 * @param server the API server URL of its cluster
 * @param kubeconfig the single-context kubeconfig, YAML
 */
public record KubeContext(String name, String source, URI server, String kubeconfig) {

  /** fabric8 retries a failed request with exponential backoff; 2 tries take 0.3 s, not 100 s. */
  static final int REQUEST_RETRIES = 2;

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * Whether the API server is on this machine: {@code localhost}, a {@code .localhost} name, a
   * loopback address or the unspecified address (k3d writes {@code 0.0.0.0} for a server published
   * on every interface). Names are not looked up: a name that could resolve anywhere is remote.
   */
  public boolean isLoopback() {
    return isLoopback(server);
  }

  /** {@link #isLoopback()} for any API server URL. */
  public static boolean isLoopback(URI server) {
    String host = server.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (!IPV4.matcher(host).matches() && !host.contains(":")) {
      return false;
    }
    try {
      // A literal address: no name service is asked.
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress() || address.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The client configuration for exactly this context. Building it connects to nothing; the first
   * request does.
   */
  public Config clientConfig() {
    Config config = Config.fromKubeconfig(name, kubeconfig, null);
    // Environment overrides (KUBERNETES_MASTER) must not point the client elsewhere either.
    config.setMasterUrl(server.toString());
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return config;
  }

  /** Leaves out the kubeconfig text, which may hold tokens and keys. */
  @Override
  public String toString() {
    return "KubeContext[name=" + name + ", source=" + source + ", server=" + server + "]";
  }
}
