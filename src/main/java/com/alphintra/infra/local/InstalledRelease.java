package com.alphintra.infra.local;

/**
 * A Helm release found on the cluster: its chart version and Helm status ({@code deployed}, {@code
 * failed}).
 */
public record InstalledRelease(String name, String namespace, String chartVersion, String status) {

  public boolean isDeployed(String version) {
    return "deployed".equalsIgnoreCase(status) && chartVersion.equals(version);
  }
}
