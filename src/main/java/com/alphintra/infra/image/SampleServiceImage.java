package com.alphintra.infra.image;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample service's image as infra/versions.yaml pins it: where its project and classes are,
 * what it is built on, how it starts, and the references it is pushed and pulled under.
 */
public final class SampleServiceImage {

  public static final String MAIN_CLASS = "com.alphintra.sample.Main";

  /** The uid:gid the Deployments run the container as (securityContext.runAsUser/runAsGroup). */
  public static final String USER = "10001:10001";

  public static final int PORT = 8080;

  private final Workspace workspace;
  private final PinnedVersions pins;

  public SampleServiceImage(Workspace workspace, PinnedVersions pins) {
    this.workspace = workspace;
    this.pins = pins;
  }

  public Path project() {
    return workspace.root().resolve("services/sample-service");
  }

  public Path pom() {
    return project().resolve("pom.xml");
  }

  public Path classes() {
    return project().resolve("target/classes");
  }

  public Path sources() {
    return project().resolve("src/main");
  }

  /**
   * The reference the cluster pulls, e.g. {@code
   * k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0}.
   */
  public String clusterReference() {
    String reference = pins.require("images.sampleService");
    int slash = reference.indexOf('/');
    int colon = reference.lastIndexOf(':');
    if (slash < 0 || colon < slash || reference.substring(colon + 1).equals("latest")) {
      throw new InputException(
          "images.sampleService must be registry/repository:version, never 'latest'; got '"
              + reference
              + "'",
          workspace.versionsFile(),
          "pin a version tag such as :0.1.0");
    }
    return reference;
  }

  /** The repository without registry and tag, e.g. {@code alphintra/sample-service}. */
  public String repository() {
    String reference = clusterReference();
    return reference.substring(reference.indexOf('/') + 1, reference.lastIndexOf(':'));
  }

  public String version() {
    String reference = clusterReference();
    return reference.substring(reference.lastIndexOf(':') + 1);
  }

  /** The image under the same repository and tag in another registry, e.g. one a test runs. */
  public String pushReference(String registryHost) {
    return registryHost + "/" + repository() + ":" + version();
  }

  /** The cluster's reference pinned to a pushed digest: what the Deployments run. */
  public String clusterReference(String digest) {
    return clusterReference() + "@" + digest;
  }

  public BaseImage base() {
    return base(ImageBuilder.hostPlatform());
  }

  /** The base pinned for {@code platform}'s architecture (amd64 or arm64). */
  public BaseImage base(Platform platform) {
    boolean arm = platform.getArchitecture().equals("arm64");
    return new BaseImage.Registry(
        pins.require(arm ? "images.sampleServiceBaseArm64" : "images.sampleServiceBase"));
  }

  public ImageRequest request() {
    return request(ImageBuilder.hostPlatform());
  }

  /** The request for an image that runs on {@code platform}: its base is the one pinned for it. */
  public ImageRequest request(Platform platform) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "sample-service");
    labels.put("org.opencontainers.image.version", version());
    labels.put(
        "org.opencontainers.image.source",
        pins.find("images.sampleServiceSource").orElse("services/sample-service"));
    labels.put("org.opencontainers.image.base.name", base(platform).describe());
    return new ImageRequest(
        base(platform),
        classes(),
        "/app",
        List.of("java", "-cp", "/app/classes", MAIN_CLASS),
        USER,
        PORT,
        labels);
  }
}
