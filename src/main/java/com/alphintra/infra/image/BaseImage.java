package com.alphintra.infra.image;

import java.nio.file.Path;

/**
 * What an image is built on: a registry image pinned by digest in production, scratch or a tarball
 * in tests.
 */
public sealed interface BaseImage {

  /** An image in a registry, e.g. {@code eclipse-temurin:21-jre-noble@sha256:...}. */
  record Registry(String reference) implements BaseImage {
    @Override
    public String describe() {
      return reference;
    }
  }

  /** No base at all: for tests that only look at the image's configuration. */
  record Scratch() implements BaseImage {
    @Override
    public String describe() {
      return "scratch";
    }
  }

  /** An image saved as a tarball (docker save or a Jib tar build). */
  record Tarball(Path file) implements BaseImage {
    @Override
    public String describe() {
      return "tarball " + file;
    }
  }

  /** The base as a person reads it in a message. */
  String describe();
}
