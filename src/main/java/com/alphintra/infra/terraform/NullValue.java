package com.alphintra.infra.terraform;

/** {@code null}: the absence of a value, as when an optional argument is left unset. */
public record NullValue() implements Value {}
