package com.alphintra.infra.image;

import java.time.Duration;

/**
 * An image that was built and written to its destination.
 *
 * @param reference the tagged reference it was written as
 * @param digest the manifest digest ({@code sha256:...}), what a Deployment pins
 * @param imageId the configuration digest
 * @param took how long building and writing took
 */
public record BuiltImage(String reference, String digest, String imageId, Duration took) {

  /** {@code repository:tag@sha256:...}: readable and immutable. */
  public String pinnedReference() {
    return reference + "@" + digest;
  }
}
