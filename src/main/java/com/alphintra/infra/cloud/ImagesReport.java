package com.alphintra.infra.cloud;

import java.util.List;

/**
 * What {@code cloud images} did: one line per image, and the sample service's reference the overlay
 * now renders.
 *
 * @param environment the environment
 * @param registry its Artifact Registry repository
 * @param sampleService the sample service's {@code REGISTRY/sample-service:TAG@sha256:...}
 * @param images what became of each image, the sample service first
 */
public record ImagesReport(
    Environment environment, String registry, String sampleService, List<ImageResult> images) {

  public ImagesReport {
    images = List.copyOf(images);
  }

  /** What became of one image. */
  public record ImageResult(String source, String target, Outcome outcome, String detail) {}

  public enum Outcome {
    PUSHED,
    COPIED,
    PRESENT,
    FAILED
  }

  public long failed() {
    return images.stream().filter(image -> image.outcome() == Outcome.FAILED).count();
  }
}
