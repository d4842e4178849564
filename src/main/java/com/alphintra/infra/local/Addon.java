package com.alphintra.infra.local;

/**
 * The dashboards {@code access} forwards to: the Service the chart creates in the observability
 * namespace (names fixed by our Helm values), its port, the local port tried first, and the path of
 * the UI.
 */
public enum Addon {
  KIALI("kiali", 20001, 20001, "/kiali"),
  GRAFANA("kube-prometheus-stack-grafana", 80, 3000, "/"),
  JAEGER("jaeger-query", 16686, 16686, "/"),
  PROMETHEUS("kube-prometheus-stack-prometheus", 9090, 9090, "/");

  private final String service;
  private final int servicePort;
  private final int preferredLocalPort;
  private final String path;

  Addon(String service, int servicePort, int preferredLocalPort, String path) {
    this.service = service;
    this.servicePort = servicePort;
    this.preferredLocalPort = preferredLocalPort;
    this.path = path;
  }

  public String service() {
    return service;
  }

  public int servicePort() {
    return servicePort;
  }

  public int preferredLocalPort() {
    return preferredLocalPort;
  }

  public String path() {
    return path;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
