package com.alphintra.infra.platform;

/**
 * One attribute of a provider schema block, as {@code terraform providers schema -json} describes
 * it.
 *
 * @param required the configuration must set it
 * @param optional the configuration may set it
 * @param computed the provider sets it; without {@code optional} the configuration must not
 * @param deprecated the provider will remove it
 */
public record SchemaAttribute(
    boolean required, boolean optional, boolean computed, boolean deprecated) {

  /** Set by the provider only: an attribute the configuration must not write. */
  public boolean isComputedOnly() {
    return computed && !optional && !required;
  }
}
