package com.alphintra.infra.check;

import java.util.Locale;

/**
 * How much a finding matters, lowest first. {@code --severity} hides and ignores findings below a
 * threshold; SARIF maps LOW to {@code note}, MEDIUM to {@code warning}, HIGH and CRITICAL to {@code
 * error}.
 */
public enum Severity {
  LOW("note", "3.0"),
  MEDIUM("warning", "5.5"),
  HIGH("error", "8.0"),
  CRITICAL("error", "9.5");

  private final String sarifLevel;
  private final String securitySeverity;

  Severity(String sarifLevel, String securitySeverity) {
    this.sarifLevel = sarifLevel;
    this.securitySeverity = securitySeverity;
  }

  /** The SARIF {@code level} of a result of this severity. */
  public String sarifLevel() {
    return sarifLevel;
  }

  /**
   * The score GitHub code scanning reads from {@code properties.security-severity} to rank alerts.
   */
  public String securitySeverity() {
    return securitySeverity;
  }

  public boolean isAtLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
