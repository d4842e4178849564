package com.alphintra.infra.local;

/** Asks the ingress gateway, through the host port k3d publishes, whether it answers. */
public interface IngressProber {

  ProbeResult probe(String host, int port);
}
