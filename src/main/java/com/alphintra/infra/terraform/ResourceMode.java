package com.alphintra.infra.terraform;

/** A {@code resource} block manages an object; a {@code data} block only reads one. */
public enum ResourceMode {
  MANAGED,
  DATA
}
