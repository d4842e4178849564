package com.alphintra.infra.doctor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dotted release number, compared numerically part by part ({@code 1.10.0 > 1.9.3}). */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

  /** A dotted number standing on its own: not the "3" of "k3d", nor the "64" of "amd64". */
  private static final Pattern DOTTED =
      Pattern.compile("(?<![\\w.])v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** A bare major version such as Java's "17", when the text has no dotted one. */
  private static final Pattern BARE = Pattern.compile("(?<![\\w.])(\\d+)(?![\\w.])");

  /**
   * The first dotted number in {@code text}, such as {@code 5.8.3} in {@code k3d version v5.8.3}.
   */
  public static Optional<Version> find(String text) {
    Matcher matcher = DOTTED.matcher(text);
    if (!matcher.find()) {
      matcher = BARE.matcher(text);
      if (!matcher.find()) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          new Version(
              Integer.parseInt(matcher.group(1)),
              matcher.groupCount() < 2 || matcher.group(2) == null
                  ? 0
                  : Integer.parseInt(matcher.group(2)),
              matcher.groupCount() < 3 || matcher.group(3) == null
                  ? 0
                  : Integer.parseInt(matcher.group(3))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static Version parse(String text) {
    return find(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
  }

  public boolean isAtLeast(Version minimum) {
    return compareTo(minimum) >= 0;
  }

  @Override
  public int compareTo(Version other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
