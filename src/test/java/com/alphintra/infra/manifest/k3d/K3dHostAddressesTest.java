package com.alphintra.infra.manifest.k3d;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.manifest.Origin;
import org.junit.jupiter.api.Test;

/** The host addresses the tool reaches the k3d registry and load balancer on, from the model. */
class K3dHostAddressesTest {

  private static K3dConfig read(String body) throws Exception {
    return new K3dConfigReader()
        .fromText(
            "apiVersion: k3d.io/v1alpha5\nkind: Simple\nmetadata: {name: c}\n" + body,
            Origin.rendered("test"))
        .config();
  }

  @Test
  void theRegistryIsReachedOnItsHostAndPort() throws Exception {
    assertThat(
            read("registries: {create: {name: r, host: \"127.0.0.1\", hostPort: \"5050\"}}\n")
                .registryHostAddress())
        .contains("127.0.0.1:5050");
    // k3d binds every address by default; this machine reaches it on loopback.
    assertThat(read("registries: {create: {name: r, hostPort: \"5000\"}}\n").registryHostAddress())
        .contains("127.0.0.1:5000");
    assertThat(
            read("registries: {create: {name: r, host: \"0.0.0.0\", hostPort: \"5000\"}}\n")
                .registryHostAddress())
        .contains("127.0.0.1:5000");
  }

  @Test
  void aRandomOrMissingRegistryPortHasNoAddress() throws Exception {
    assertThat(read("registries: {create: {name: r, hostPort: random}}\n").registryHostAddress())
        .isEmpty();
    assertThat(read("servers: 1\n").registryHostAddress()).isEmpty();
  }

  @Test
  void theGatewayPortComesFromTheLoadBalancerEntryThatPublishesIt() throws Exception {
    K3dConfig config =
        read(
            """
            ports:
              - port: 127.0.0.1:8080:80
                nodeFilters: [loadbalancer]
              - port: 127.0.0.1:9443:443
                nodeFilters: [agent:0]
              - port: 127.0.0.1:8443:443@loadbalancer
            """);

    assertThat(config.loadBalancerHostAddress(443)).contains("127.0.0.1:8443");
    assertThat(config.loadBalancerHostAddress(80)).contains("127.0.0.1:8080");
    assertThat(config.loadBalancerHostAddress(15021)).isEmpty();
  }

  @Test
  void aGatewayPortWithoutHostIpIsReachedOnLoopback() throws Exception {
    assertThat(
            read("ports: [{port: \"443:443\", nodeFilters: [loadbalancer]}]\n")
                .loadBalancerHostAddress(443))
        .contains("127.0.0.1:443");
  }
}
