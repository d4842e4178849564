package com.alphintra.infra.cloud;

import com.alphintra.infra.workspace.OverlayOutputs;
import java.nio.file.Path;

/**
 * Where an environment's outputs file lives: beside its overlay's kustomization, which reads it.
 * The file is git-ignored; {@code cloud-outputs.env.example} beside it is committed and is what
 * {@code check} renders the overlay with when the real file is absent.
 */
public final class CloudOutputsFile {

  public static final String NAME = OverlayOutputs.FILE;
  public static final String EXAMPLE_NAME = OverlayOutputs.EXAMPLE;

  private CloudOutputsFile() {}

  public static Path of(Path overlaysDirectory, Environment environment) {
    return overlaysDirectory.resolve(environment.id()).resolve(NAME);
  }
}
