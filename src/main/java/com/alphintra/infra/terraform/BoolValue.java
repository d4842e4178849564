package com.alphintra.infra.terraform;

/** {@code true} or {@code false}. */
public record BoolValue(boolean value) implements Value {}
