package com.alphintra.infra.local;

import java.util.Map;

/**
 * The requests the deep status check sends: through the ingress gateway, from inside one service's
 * pod, and to the Jaeger and Prometheus APIs. Production goes through the published port and
 * port-forwards; tests fake it.
 */
public interface SmokeProbes extends AutoCloseable {

  /** {@code GET https://api.alphintra.localhost<path>} through the ingress gateway. */
  HttpAnswer throughIngress(String path, Map<String, String> headers);

  /**
   * {@code GET <path>} on a pod of the service, port-forwarded (so from the pod's own loopback).
   */
  HttpAnswer insideService(String namespace, String service, String path);

  /** {@code GET <pathAndQuery>} on the Jaeger query API. */
  HttpAnswer jaeger(String pathAndQuery);

  /** {@code GET <pathAndQuery>} on the Prometheus API. */
  HttpAnswer prometheus(String pathAndQuery);

  @Override
  void close();
}
