package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * {@code registries.create.proxy}: the registry mirrors this remote registry (pull-through cache).
 *
 * @param remoteUrl {@code remoteURL}, such as {@code https://registry-1.docker.io}
 * @param username the user for the remote registry
 * @param password the password for the remote registry; a secret, never print it
 */
public record K3dRegistryProxy(
    Optional<String> remoteUrl, Optional<String> username, Optional<String> password) {

  @Override
  public String toString() {
    return "K3dRegistryProxy[remoteUrl="
        + remoteUrl
        + ", username="
        + username
        + ", password="
        + password.map(p -> "***")
        + "]";
  }
}
