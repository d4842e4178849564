package com.alphintra.infra.hcl;

import java.util.List;
import java.util.Optional;

/** {@code %{ for k, v in coll }...%{ endfor }}. */
public record TemplateFor(
    Optional<String> keyVariable,
    String valueVariable,
    Expression collection,
    List<TemplatePart> body,
    Range range)
    implements TemplatePart {

  public TemplateFor {
    body = List.copyOf(body);
  }
}
