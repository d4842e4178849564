package com.alphintra.infra.check;

/**
 * Renders a {@link CheckReport} as text for people, JSON for programs, or SARIF for code scanning.
 */
public interface Reporter {

  String render(CheckReport report);
}
