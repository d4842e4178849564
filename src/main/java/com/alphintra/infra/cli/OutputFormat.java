package com.alphintra.infra.cli;

/** How a command reports state: for people, or for programs. */
public enum OutputFormat {
  TEXT,
  JSON
}
