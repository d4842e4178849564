package com.alphintra.infra.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Reads fabric8's Jackson annotations but writes no {@code additionalProperties}, so a typed object
 * written back holds only the fields its model knows; optionally every one of them, nulls and
 * empties included.
 */
final class KnownFieldsIntrospector extends JacksonAnnotationIntrospector {

  private static final long serialVersionUID = 1L;

  private final boolean everyField;

  KnownFieldsIntrospector(boolean everyField) {
    this.everyField = everyField;
  }

  @Override
  public Boolean hasAnyGetter(Annotated annotated) {
    return Boolean.FALSE;
  }

  @Override
  public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
    return everyField
        ? JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS)
        : super.findPropertyInclusion(annotated);
  }
}
