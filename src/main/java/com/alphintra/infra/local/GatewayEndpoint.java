package com.alphintra.infra.local;

import java.nio.file.Path;

/**
 * Where this machine reaches the ingress gateway: on 127.0.0.1 at the host port the k3d config
 * publishes for the gateway's 443, trusting only the local CA.
 *
 * @param port the host port, read from the k3d config
 * @param caCertificate the local CA's certificate
 */
public record GatewayEndpoint(int port, Path caCertificate) {}
