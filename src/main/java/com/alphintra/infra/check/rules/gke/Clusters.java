package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.List;

/** The google_container_cluster resources, told apart by mode. */
final class Clusters {

  static final String TYPE = "google_container_cluster";

  private Clusters() {}

  /** Every cluster. */
  static List<TerraformResource> all(TerraformView terraform) {
    return terraform.resources(TYPE);
  }

  /**
   * The clusters not known to be Autopilot: in Autopilot GKE owns the nodes, their pools, the
   * dataplane and the release channel, so the settings for those are neither ours to get right nor
   * accepted by the API.
   */
  static List<TerraformResource> standard(TerraformView terraform) {
    return all(terraform).stream().filter(cluster -> !isAutopilot(terraform, cluster)).toList();
  }

  /** Whether {@code enable_autopilot} is true in every context the cluster is evaluated in. */
  static boolean isAutopilot(TerraformView terraform, TerraformResource cluster) {
    return isEverywhere(terraform, cluster, "enable_autopilot", true);
  }

  /**
   * Whether the attribute at {@code path} is known to be {@code value} in every context of the
   * resource.
   */
  static boolean isEverywhere(
      TerraformView terraform, TerraformResource resource, String path, Object value) {
    List<TerraformValue> values = terraform.values(resource, path);
    return values.size() == 1 && value.equals(values.get(0).value()) && values.get(0).everywhere();
  }
}
