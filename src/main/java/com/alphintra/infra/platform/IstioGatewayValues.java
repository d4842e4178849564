package com.alphintra.infra.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Istio ingress gateway that the Helm install values describe ({@code
 * infra/kubernetes/istio/helm/ gateway-values.yaml}): not a Kubernetes object, yet the workload a
 * Gateway's selector has to match. The istio/gateway chart labels its pods with the values' {@code
 * labels}, plus {@code app: <name>} and {@code istio: <name without "istio-">} (its {@code
 * gateway.selectorLabels}).
 *
 * @param file the values file, relative to the repository root
 * @param line the line of its {@code labels} (or of the file's first field)
 * @param labels the labels the gateway's pods carry
 * @param serviceAccount the ServiceAccount its pods run as ({@code serviceAccount.name}, else
 *     {@code name}), in the release's namespace, which the values do not say; empty when neither is
 *     written
 */
public record IstioGatewayValues(
    Path file, int line, Map<String, String> labels, java.util.Optional<String> serviceAccount) {

  public IstioGatewayValues {
    labels = Map.copyOf(labels);
  }

  /** Whether every entry of {@code selector} is among the gateway's labels. */
  public boolean matches(Map<String, String> selector) {
    return labels.entrySet().containsAll(selector.entrySet());
  }
}
