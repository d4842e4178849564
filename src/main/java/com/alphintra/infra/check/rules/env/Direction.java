package com.alphintra.infra.check.rules.env;

/** How a setting changes from dev through staging to prod. */
public enum Direction {
  /** The same in every environment where it is known. */
  SAME,
  /** Never weaker in a later environment: dev at most as strict as staging, staging as prod. */
  RIGHT,
  /** Weaker in staging than in dev, or in prod than in staging. */
  WRONG
}
