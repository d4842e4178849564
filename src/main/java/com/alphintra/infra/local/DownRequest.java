package com.alphintra.infra.local;

/**
 * What {@code alphintra down} was asked to do: keep the registry, and whether to purge the data
 * folders.
 */
public record DownRequest(boolean keepRegistry, boolean purge) {}
