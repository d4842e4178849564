package com.alphintra.infra.local;

import java.time.Duration;
import java.util.Optional;

/** Hears what the runner does, as it happens, so a person can follow a long run. */
public interface ProgressListener {

  void stepStarted(int number, int count, Step step, Duration elapsed);

  /** Called every few seconds while a step runs. */
  void stepRunning(Step step, Duration stepElapsed);

  void stepFinished(StepResult result, Duration elapsed);

  void undoStarted(Step step);

  /** {@code problem} is empty when the undo succeeded. */
  void undoFinished(Step step, Optional<String> problem);

  ProgressListener SILENT =
      new ProgressListener() {
        @Override
        public void stepStarted(int number, int count, Step step, Duration elapsed) {}

        @Override
        public void stepRunning(Step step, Duration stepElapsed) {}

        @Override
        public void stepFinished(StepResult result, Duration elapsed) {}

        @Override
        public void undoStarted(Step step) {}

        @Override
        public void undoFinished(Step step, Optional<String> problem) {}
      };
}
