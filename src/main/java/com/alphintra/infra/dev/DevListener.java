package com.alphintra.infra.dev;

import java.nio.file.Path;
import java.util.List;

/** Hears the dev loop as it goes, so a person sees each phase and its duration while it runs. */
public interface DevListener {

  void phaseStarted(DeployPhase phase);

  void phaseFinished(PhaseResult result);

  /** In watch mode: files changed and a new pass starts. */
  void changed(List<Path> files);

  /** In watch mode: a pass failed; the loop keeps watching. */
  void passFailed(RuntimeException failure);

  /** In watch mode: a pass succeeded. */
  void passSucceeded(DeployResult result);
}
