package com.alphintra.infra.cloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code cloud outputs} wrote: the overlay's file, how many values, and the state they came
 * from (absent when read from a saved {@code terraform output -json}).
 */
public record OutputsReport(
    Environment environment, Path file, int values, Optional<StateVersion> state) {}
