package com.alphintra.infra.hcl;

/**
 * {@code ${expr}}; the strip flags record {@code ${~} and {@code ~}} (already applied to the
 * neighbours).
 */
public record TemplateInterpolation(
    Expression expression, boolean stripBefore, boolean stripAfter, Range range)
    implements TemplatePart {}
