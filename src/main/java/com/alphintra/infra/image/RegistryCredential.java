package com.alphintra.infra.image;

/**
 * A user name and secret for a registry, e.g. {@code oauth2accesstoken} and a Google access token
 * for Artifact Registry. The secret is never printed.
 */
public record RegistryCredential(String username, String secret) {

  @Override
  public String toString() {
    return "RegistryCredential[" + username + ", <redacted>]";
  }
}
