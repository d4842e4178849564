package com.alphintra.infra.cloud;

/**
 * The remote-state bucket {@code cloud bootstrap} made sure exists, and the project it belongs to.
 */
public record BootstrapReport(String projectId, String region, String bucket) {

  /** The backend settings each environment's {@code terraform init} gets. */
  public String backendSettings(Environment environment) {
    return "bucket = \"" + bucket + "\"\nprefix = \"environments/" + environment.id() + "\"";
  }
}
