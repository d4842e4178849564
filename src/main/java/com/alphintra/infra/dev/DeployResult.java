package com.alphintra.infra.dev;

import com.alphintra.infra.image.BuiltImage;
import java.time.Duration;
import java.util.List;

/**
 * A pass of the dev loop that succeeded.
 *
 * @param phases each phase with its duration
 * @param image the image pushed
 * @param deployedImage the reference the Deployments now run (repository:tag@digest)
 * @param rolled the Deployments whose image changed
 * @param unchanged the Deployments that already ran this image
 */
public record DeployResult(
    List<PhaseResult> phases,
    BuiltImage image,
    String deployedImage,
    List<String> rolled,
    List<String> unchanged) {

  public DeployResult {
    phases = List.copyOf(phases);
    rolled = List.copyOf(rolled);
    unchanged = List.copyOf(unchanged);
  }

  public Duration total() {
    return phases.stream().map(PhaseResult::took).reduce(Duration.ZERO, Duration::plus);
  }
}
