package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step 4: the ingress gateway's certificate, signed by the local CA (made on first use, kept),
 * stored as the gateway's credential Secret. Undo removes the Secret; the CA stays so the browser's
 * trust stays.
 */
final class GatewayTlsStep implements Step {

  static final String SECRET = "alphintra-gateway-tls";
  static final List<String> HOSTS = List.of("api.alphintra.localhost", "*.alphintra.localhost");

  private final LocalCertificateAuthority authority;
  private final Supplier<Cluster> cluster;

  GatewayTlsStep(LocalCertificateAuthority authority, Supplier<Cluster> cluster) {
    this.authority = authority;
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "tls";
  }

  @Override
  public String description() {
    return "make the local CA and the gateway certificate ("
        + String.join(", ", HOSTS)
        + "), store Secret "
        + IstioStep.GATEWAY_NAMESPACE
        + "/"
        + SECRET;
  }

  @Override
  public List<String> details() {
    return List.of(
        "keep: .alphintra/tls/ca.crt, ca.key, gateway.crt, gateway.key (owner-only, git-ignored)",
        "apply: Secret " + IstioStep.GATEWAY_NAMESPACE + "/" + SECRET + " (kubernetes.io/tls)");
  }

  @Override
  public Duration timeout() {
    return Duration.ofSeconds(30);
  }

  @Override
  public String hint() {
    return "delete .alphintra/tls/gateway.* to have the certificate made again; the CA in .alphintra/tls/ca.* is kept";
  }

  @Override
  public boolean isDone() {
    GatewayCertificate wanted = authority.gatewayCertificate(HOSTS);
    Optional<Secret> found = cluster.get().get(Secret.class, IstioStep.GATEWAY_NAMESPACE, SECRET);
    return found
        .map(
            secret ->
                secret.getData() != null
                    && encode(wanted.certificateChain()).equals(secret.getData().get("tls.crt")))
        .orElse(false);
  }

  @Override
  public void apply() {
    GatewayCertificate certificate = authority.gatewayCertificate(HOSTS);
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(SECRET)
            .withNamespace(IstioStep.GATEWAY_NAMESPACE)
            .withLabels(
                Map.of(
                    "app.kubernetes.io/name",
                    SECRET,
                    "app.kubernetes.io/component",
                    "certificate",
                    "app.kubernetes.io/part-of",
                    "alphintra",
                    "app.kubernetes.io/managed-by",
                    "alphintra"))
            .endMetadata()
            .withType("kubernetes.io/tls")
            .withData(
                Map.of(
                    "tls.crt",
                    encode(certificate.certificateChain()),
                    "tls.key",
                    encode(certificate.privateKey())))
            .build();
    cluster.get().apply(secret);
  }

  @Override
  public void undo() {
    cluster
        .get()
        .delete(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(IstioStep.GATEWAY_NAMESPACE)
                .endMetadata()
                .build());
  }

  private static String encode(String text) {
    return java.util.Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
