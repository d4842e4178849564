package com.alphintra.infra.manifest.k3d;

import com.alphintra.infra.manifest.FieldPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A k3d cluster config, {@code apiVersion: k3d.io/v1alpha5}, {@code kind: Simple}: the fields of
 * k3d's schema, each absent (empty) when the file leaves it to k3d's default.
 *
 * @param name {@code metadata.name}: the cluster name (k3d prefixes it with {@code k3d-})
 * @param servers how many server (control plane) nodes
 * @param agents how many agent (worker) nodes
 * @param kubeApi where the API server is published
 * @param image the k3s node image, such as {@code rancher/k3s:v1.33.4-k3s1}
 * @param network the Docker network the nodes join
 * @param subnet the network's subnet ({@code auto} by default)
 * @param token the cluster join token; a secret, never print it
 * @param volumes mounts into nodes
 * @param ports ports published to the host
 * @param env environment variables of nodes
 * @param files files copied into nodes
 * @param registries registries created or used
 * @param hostAliases extra {@code /etc/hosts} entries
 * @param options k3d, k3s, kubeconfig and runtime options
 */
public record K3dConfig(
    Optional<String> name,
    Optional<Integer> servers,
    Optional<Integer> agents,
    Optional<K3dKubeApi> kubeApi,
    Optional<String> image,
    Optional<String> network,
    Optional<String> subnet,
    Optional<String> token,
    List<K3dVolume> volumes,
    List<K3dPort> ports,
    List<K3dEnvVar> env,
    List<K3dFile> files,
    Optional<K3dRegistries> registries,
    List<K3dHostAlias> hostAliases,
    Optional<K3dOptions> options) {

  public static final String API_VERSION = "k3d.io/v1alpha5";
  public static final String KIND = "Simple";

  public K3dConfig {
    volumes = List.copyOf(volumes);
    ports = List.copyOf(ports);
    env = List.copyOf(env);
    files = List.copyOf(files);
    hostAliases = List.copyOf(hostAliases);
  }

  /** How many server nodes k3d creates (1 unless the file says otherwise). */
  public int serverCount() {
    return servers.orElse(1);
  }

  /** How many agent nodes k3d creates (none unless the file says otherwise). */
  public int agentCount() {
    return agents.orElse(0);
  }

  /** The registry created alongside the cluster, if any. */
  public Optional<K3dRegistryCreate> registry() {
    return registries.flatMap(K3dRegistries::create);
  }

  /**
   * Every host port the cluster binds, with the field that binds it: {@code kubeAPI.hostPort}, the
   * host side of each {@code ports[].port} and {@code registries.create.hostPort}. Ports left to
   * k3d or Docker to choose are not claims.
   */
  public List<HostPortClaim> hostPortClaims() {
    List<HostPortClaim> claims = new ArrayList<>();
    kubeApi.ifPresent(
        api ->
            api.hostPortNumber()
                .ifPresent(
                    port ->
                        claims.add(
                            new HostPortClaim(
                                FieldPath.parse("kubeAPI.hostPort"),
                                HostPortRange.of(api.hostIp(), port)))));
    for (int i = 0; i < ports.size(); i++) {
      FieldPath path = FieldPath.root().key("ports").index(i).key("port");
      ports.get(i).hostPorts().ifPresent(range -> claims.add(new HostPortClaim(path, range)));
    }
    registry()
        .ifPresent(
            registry ->
                registry
                    .hostPortNumber()
                    .ifPresent(
                        port ->
                            claims.add(
                                new HostPortClaim(
                                    FieldPath.parse("registries.create.hostPort"),
                                    HostPortRange.of(registry.host(), port)))));
    return List.copyOf(claims);
  }

  /**
   * Where this machine reaches the registry created with the cluster, such as {@code
   * 127.0.0.1:5000}: its {@code host} (k3d's default, every address, is reached on loopback) and
   * {@code hostPort}. Empty without a registry or when k3d picks the port ({@code random}).
   */
  public Optional<String> registryHostAddress() {
    return registry()
        .flatMap(
            registry ->
                registry
                    .hostPortNumber()
                    .map(port -> reachableFromHost(registry.host()) + ":" + port));
  }

  /**
   * Where this machine reaches {@code containerPort} of the k3d load balancer (the Istio ingress
   * gateway's 443), such as {@code 127.0.0.1:443}, from the first {@code ports} entry that
   * publishes it. Empty when no entry publishes that port with a fixed host port.
   */
  public Optional<String> loadBalancerHostAddress(int containerPort) {
    for (K3dPort published : ports) {
      if (published.isOnLoadBalancer()
          && published.containerPort().filter(port -> port == containerPort).isPresent()) {
        Optional<HostPortRange> host = published.hostPorts();
        if (host.isPresent() && host.get().first() == host.get().last()) {
          return Optional.of(reachableFromHost(host.get().hostIp()) + ":" + host.get().first());
        }
      }
    }
    return Optional.empty();
  }

  /** A bind address as a destination: every address ({@code 0.0.0.0}, none given) is loopback. */
  private static String reachableFromHost(Optional<String> bound) {
    return bound
        .map(String::strip)
        .filter(ip -> !ip.isEmpty() && !ip.equals("0.0.0.0") && !ip.equals("::"))
        .orElse("127.0.0.1");
  }

  /** {@code k3d-<name>}: the kube context k3d writes for the cluster. */
  public Optional<String> context() {
    return name.map(cluster -> "k3d-" + cluster);
  }

  /**
   * The host directories and files mounted into nodes by {@code volumes} (named Docker volumes left
   * out).
   */
  public List<Path> volumeHostPaths() {
    return volumes.stream().flatMap(volume -> volume.hostPath().stream()).toList();
  }

  @Override
  public String toString() {
    return "K3dConfig[name="
        + name
        + ", servers="
        + servers
        + ", agents="
        + agents
        + ", image="
        + image
        + ", ports="
        + ports
        + ", registries="
        + registries
        + (token.isPresent() ? ", token=***" : "")
        + "]";
  }
}
