package com.alphintra.infra.local;

import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.image.BuiltImage;
import com.alphintra.infra.image.SampleServiceBuild;
import com.alphintra.infra.image.SampleServiceImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds the sample service image (Maven compile, then Jib) and pushes it to the k3d registry, so
 * the platform step's Deployments find their image. Done when the registry already serves the tag;
 * changed sources go out with {@code alphintra dev deploy}. Undo has nothing to do: the registry
 * goes with the cluster.
 */
final class ImagesStep implements Step {

  private final SampleServiceBuild build;
  private final String registryHost;
  private final Path shownPom;

  /**
   * @param registryHost where the k3d registry is reached from this machine, e.g. 127.0.0.1:5000
   */
  ImagesStep(SampleServiceBuild build, String registryHost, Path shownPom) {
    this.build = build;
    this.registryHost = registryHost;
    this.shownPom = shownPom;
  }

  @Override
  public String name() {
    return "images";
  }

  @Override
  public String description() {
    return "build the sample service image and push it to the local registry as "
        + build.image().pushReference(registryHost);
  }

  @Override
  public List<String> details() {
    SampleServiceImage image = build.image();
    return List.of(
        "run: mvnw -q -B -f " + shownPom + " -DskipTests compile",
        "build: " + image.base().describe() + " + the compiled classes (Jib, no Docker daemon)",
        "push: "
            + image.pushReference(registryHost)
            + " (the cluster pulls "
            + image.clusterReference()
            + ")");
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(5);
  }

  @Override
  public String hint() {
    return "'alphintra dev deploy all' runs the same build with each phase's output; 'k3d registry list' shows "
        + "whether the registry runs";
  }

  @Override
  public boolean isDone() {
    return build.isPushed(registryHost);
  }

  @Override
  public void apply() throws InterruptedException {
    try {
      build.compile();
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted after compiling the sample service");
      }
      BuiltImage image = build.publish(registryHost);
      if (image.digest().isBlank()) {
        throw new StepFailedException("pushing the sample service image returned no digest");
      }
    } catch (OperationFailedException e) {
      throw new StepFailedException(e.getMessage(), e.hint(), e);
    }
  }

  @Override
  public void undo() {
    // The image lives in the k3d registry, which the cluster step's undo deletes.
  }
}
