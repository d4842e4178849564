package com.alphintra.infra.doctor;

import java.util.List;

/** Every prerequisite checked for a target, in the order they were checked. */
public record DoctorReport(Target target, List<CheckResult> results) {

  public DoctorReport {
    results = List.copyOf(results);
  }

  public boolean isReady() {
    return results.stream().allMatch(CheckResult::isOk);
  }

  public List<CheckResult> problems() {
    return results.stream().filter(result -> !result.isOk()).toList();
  }
}
