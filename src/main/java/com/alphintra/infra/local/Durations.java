package com.alphintra.infra.local;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 850ms}, {@code 12.3s}, {@code 4m05s}. */
public final class Durations {

  private Durations() {}

  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = duration.toSeconds();
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
