package com.alphintra.infra.image;

/**
 * Builds an image and pushes it to a registry; the dev loop's image phase. Tests replace it with a
 * fake.
 */
public interface ImagePublisher {

  /**
   * Builds {@code request} and pushes it as {@code reference}; failures are
   * OperationFailedExceptions.
   */
  BuiltImage publish(ImageRequest request, String reference);
}
