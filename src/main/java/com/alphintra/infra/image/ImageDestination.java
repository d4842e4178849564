package com.alphintra.infra.image;

import java.nio.file.Path;

/**
 * Where a built image goes: a registry (pushed) or a tarball on disk (tests, no registry needed).
 */
public sealed interface ImageDestination {

  /** The image reference the result is known by, with its tag. */
  String reference();

  /** A registry; plain HTTP is allowed only when its host is this machine's loopback. */
  record Registry(String reference) implements ImageDestination {}

  /** A tarball at {@code file}, tagged {@code reference} inside. */
  record Tarball(Path file, String reference) implements ImageDestination {}
}
