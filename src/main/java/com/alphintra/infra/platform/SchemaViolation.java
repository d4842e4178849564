package com.alphintra.infra.platform;

import com.alphintra.infra.manifest.FieldPath;

/**
 * A value of a custom resource that its CRD's {@code openAPIV3Schema} rejects.
 *
 * @param path the field, such as {@code spec.http[0].timeout}
 * @param message what is wrong, naming the field and the value
 */
public record SchemaViolation(FieldPath path, String message) {}
