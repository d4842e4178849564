package com.alphintra.infra.check.rules.net;

import java.nio.file.Path;

/**
 * One address range of an environment's plan, where it is written.
 *
 * @param environment the environment ({@code dev}, or {@code local} for the k3d cluster)
 * @param description what the range is for, as a message names it ({@code subnet ... secondary
 *     range pods})
 * @param cidr the range
 * @param object the resource or file that uses it
 * @param file where the value is written, relative to the repository root
 * @param line the line of the value
 */
record PlannedRange(
    String environment, String description, Cidr cidr, String object, Path file, int line) {}
