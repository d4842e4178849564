package com.alphintra.infra.doctor;

/** How to install or fix a prerequisite, per operating system family. */
public record InstallHint(String linux, String macos) {

  public static InstallHint same(String both) {
    return new InstallHint(both, both);
  }
}
