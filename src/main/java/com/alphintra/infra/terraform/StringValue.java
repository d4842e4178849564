package com.alphintra.infra.terraform;

/** A string. */
public record StringValue(String value) implements Value {}
