package com.alphintra.infra.doctor;

import java.util.Optional;

/**
 * One prerequisite as found on this machine.
 *
 * @param name what was checked ({@code docker daemon}, {@code host port 443})
 * @param target which target needs it
 * @param status found, missing, too old, unavailable or timed out
 * @param found the version or amount found, when one was found
 * @param required the version or amount required
 * @param detail one sentence on what was seen
 * @param install how to get or fix it on Linux and macOS, empty when nothing is to be done
 */
public record CheckResult(
    String name,
    Target target,
    Status status,
    Optional<String> found,
    String required,
    String detail,
    Optional<InstallHint> install) {

  public boolean isOk() {
    return status == Status.OK;
  }
}
