package com.alphintra.infra.local;

/**
 * PEM text of the gateway's certificate chain and private key, as a kubernetes.io/tls Secret holds
 * them.
 */
public record GatewayCertificate(String certificateChain, String privateKey) {

  @Override
  public String toString() {
    return "GatewayCertificate[private key hidden]";
  }
}
